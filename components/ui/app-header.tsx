import Link from "next/link";
import { can } from "@/lib/auth/roles";
import type { Role } from "@/lib/schemas/user";
import { SignOutButton } from "@/components/auth/sign-out-button";

export function AppHeader({ name, role }: { name: string; role: Role }) {
  return (
    <header className="app-header">
      <Link href="/articles" className="brand">
        Claimtrack
      </Link>
      <nav aria-label="Main">
        <Link href="/articles">Articles</Link>
        <Link href="/sources">Sources</Link>
        <Link href="/claims">Claims</Link>
        {can({ role }, "review:decide") && <Link href="/review">Review</Link>}
        {can({ role }, "articles:write") && <Link href="/articles/new">Import</Link>}
        {can({ role }, "users:manage") && <Link href="/admin/users">Users</Link>}
        {can({ role }, "audit:read") && <Link href="/admin/audit">Audit log</Link>}
        <Link href="/settings">Settings</Link>
      </nav>
      <div className="who">
        <span>
          {name} <span className="role-badge">{role}</span>
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
