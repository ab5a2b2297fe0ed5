import { VerifyForm } from "@/components/scenarios/verify-form";
import { CopyButton } from "@/components/viewer/copy-button";
import { card } from "@/components/scenarios/ui";
import { signingKeyInfo } from "@/lib/scenarios/signing";

export const dynamic = "force-dynamic";

export const metadata = { title: "Verify a bundle — Mimicry" };

export default async function VerifyPage() {
  const key = await signingKeyInfo();
  return (
    <main className="mx-auto max-w-4xl space-y-4 px-4 py-6">
      <h1 className="text-2xl font-semibold tracking-tight">Verify a bundle</h1>
      <p className="text-sm text-slate-600">
        A bundle&apos;s manifest lists the SHA-256 of every file and is signed with Ed25519. Upload a bundle
        to check the signature and every file; the command line does the same:{" "}
        <code>npx mimicry verify BUNDLE.zip</code>.
      </p>
      <VerifyForm serverKey={key.publicKeyPem} />
      <section className={`${card} space-y-2 p-4 text-sm`}>
        <h2 className="font-semibold">This server&apos;s signing key</h2>
        <p>
          Fingerprint (SHA-256 of the raw key):{" "}
          <code className="break-all font-mono text-xs">{key.fingerprint}</code>
        </p>
        <p>
          Raw public key (base64): <code className="font-mono text-xs">{key.publicKeyBase64}</code>
        </p>
        <pre className="rounded bg-slate-100 p-2 text-xs" data-testid="public-key">
          {key.publicKeyPem}
        </pre>
        <CopyButton text={key.publicKeyPem} label="Copy PEM" />
      </section>
    </main>
  );
}
