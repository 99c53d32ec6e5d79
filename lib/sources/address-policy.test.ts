import { describe, expect, it } from "vitest";
import { classifyAddress, normalizeAllowHost, parseAllowHosts } from "./address-policy";

describe("classifyAddress", () => {
  it.each([
    ["93.184.216.34"],
    ["8.8.8.8"],
    ["2606:4700:4700::1111"],
    ["64:ff9b::5db8:d822"], // NAT64 of 93.184.216.34
  ])("lets global unicast %s through", (address) => {
    expect(classifyAddress(address)).toEqual({ isPublic: true });
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["224.0.0.1", "multicast"],
    ["192.0.2.10", "reserved"], // TEST-NET-1
    ["198.51.100.7", "reserved"], // TEST-NET-2
    ["203.0.113.9", "reserved"], // TEST-NET-3
    ["198.18.0.1", "reserved"], // benchmarking
    ["240.0.0.1", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["::ffff:10.0.0.5", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["64:ff9b::a00:5", "private"], // NAT64 of 10.0.0.5
    ["::a00:5", "ipv4Compatible"],
    ["2002:a00:5::1", "6to4"],
    ["[::1]", "loopback"],
    ["not-an-ip", "invalid"],
  ])("refuses %s (%s)", (address, range) => {
    expect(classifyAddress(address)).toEqual({ isPublic: false, range });
  });
});

describe("parseAllowHosts", () => {
  it("reads the comma-separated setting into normalised host:port keys", () => {
    expect(parseAllowHosts(" 127.0.0.1:4567, Fixtures.LOCAL:80 ,[::1]:8080,")).toEqual([
      "127.0.0.1:4567",
      "fixtures.local:80",
      "[::1]:8080",
    ]);
    expect(parseAllowHosts("")).toEqual([]);
    expect(parseAllowHosts(undefined)).toEqual([]);
  });

  it("refuses entries without a port or with a bad one", () => {
    expect(() => normalizeAllowHost("127.0.0.1")).toThrow(/host:port/);
    expect(() => normalizeAllowHost("127.0.0.1:0")).toThrow(/host:port/);
    expect(() => normalizeAllowHost("http://127.0.0.1:80")).toThrow(/host:port/);
    expect(() => normalizeAllowHost("::1:80")).toThrow(/host:port/);
  });
});
