// Verifies Reqio tokens with jose, the library of Reqio's Node snippet, for the NUnit tests (JoseVerifier.cs).
// Reads one JSON request on stdin:
//   { "secret": "…" | "keyBase64": "…", "audience": "…", "now": <unix seconds>, "tokens": ["…", …] }
// and writes one JSON array, one entry a token, in order:
//   { "ok": true, "header": {…}, "payload": {…} } or { "ok": false, "error": "…" }
// The key from "secret" is derived here (TextEncoder, UTF-8), independently of the SDK.
import { jwtVerify } from 'jose';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const key = request.keyBase64 !== undefined
  ? new Uint8Array(Buffer.from(request.keyBase64, 'base64'))
  : new TextEncoder().encode(request.secret);
const options = {
  algorithms: ['HS256'],
  audience: request.audience,
  currentDate: new Date(request.now * 1000),
};

const results = [];
for (const token of request.tokens) {
  try {
    const { payload, protectedHeader } = await jwtVerify(token, key, options);
    results.push({ ok: true, header: protectedHeader, payload });
  } catch (error) {
    results.push({ ok: false, error: `${error.code ?? error.name}: ${error.message}` });
  }
}
process.stdout.write(JSON.stringify(results));
