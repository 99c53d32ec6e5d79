"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="button"
      onClick={async () => {
        await signOut({ redirect: false });
        router.replace("/login");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
