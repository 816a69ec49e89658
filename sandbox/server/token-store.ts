/**
 * REST API tokens minted by `POST /__sandbox/tokens`. Only a SHA-256 of each token is kept,
 * in memory and in `<dataDir>/tokens.json`, so the file never holds a usable credential and
 * tokens keep working across restarts. Tokens are not part of the seed: a reset keeps them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const grantSchema = z.object({ accountId: z.string().min(1), scopes: z.array(z.string()), createdAt: z.string() });
const fileSchema = z.object({ version: z.literal(1), tokens: z.record(z.string(), grantSchema) });

export type TokenGrant = z.infer<typeof grantSchema>;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class TokenStore {
  private constructor(
    private readonly grants: Map<string, TokenGrant>,
    private readonly file: string | undefined,
  ) {}

  /** Tokens of an earlier run in `dataDir`, or an in-memory store when there is none. */
  static open(dataDir?: string): TokenStore {
    if (dataDir === undefined) return new TokenStore(new Map(), undefined);
    const file = join(dataDir, 'tokens.json');
    if (!existsSync(file)) return new TokenStore(new Map(), file);
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a sandbox token file (${parsed.error.issues[0].message}); delete it to start over`);
    return new TokenStore(new Map(Object.entries(parsed.data.tokens)), file);
  }

  mint(accountId: string, scopes: string[]): { token: string; grant: TokenGrant } {
    const token = `sbx_${randomBytes(24).toString('base64url')}`;
    const grant = { accountId, scopes: [...scopes], createdAt: new Date().toISOString() };
    this.grants.set(digest(token), grant);
    this.save();
    return { token, grant };
  }

  lookup(token: string): TokenGrant | undefined {
    return this.grants.get(digest(token));
  }

  /** Minting is rare, so every mint is written at once (temp file + rename, never half a file). */
  private save(): void {
    if (this.file === undefined) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, tokens: Object.fromEntries(this.grants) }));
    renameSync(temp, this.file);
  }
}
