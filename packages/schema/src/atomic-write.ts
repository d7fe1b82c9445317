import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * Writes `content` to `path` atomically: the bytes go to a temporary file in the same
 * directory, which is renamed over `path` only once everything was written. A reader
 * never sees a half-written file, and a failure (a bad record thrown mid-stream) leaves
 * `path` as it was.
 *
 * @example
 * ```ts
 * await writeFileAtomic('data/outputs/report.md', '# Report\n');
 * ```
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const chunks = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
    await pipeline(chunks, createWriteStream(temporary, { flags: 'wx' }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
