/**
 * Byte sources for the Node readers: a path or a stream, gunzipped when the name ends in `.gz` or the
 * bytes start with the gzip magic number, decoded incrementally, with progress in bytes read of the
 * total and cancellation between chunks.
 *
 * @internal
 * @module
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { ConnectorError, InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import type { TaskControl } from '../../core/progress.js';

/**
 * What a Node reader reads: a file path (or `file:` URL), or any async iterable of byte chunks (a
 * Node `Readable`, a web `ReadableStream`, a `fetch` body). Typed without Node's own types, so
 * projects without `@types/node` can use the declarations.
 */
export type ReadSource = string | URL | AsyncIterable<Uint8Array>;

/** Options every Node reader shares. */
export interface ByteSourceOptions {
  /**
   * Text encoding (a WHATWG label: `'utf-8'`, `'utf-16le'`, `'latin1'`, `'windows-1252'`, `'gbk'`, …).
   * Bytes that are invalid in it are an error, never replaced in silence. A byte-order mark is dropped.
   * @defaultValue 'utf-8'
   */
  encoding?: string;
  /**
   * Gunzip the input: `'auto'` when the path ends in `.gz` or the first bytes are gzip's magic number.
   * @defaultValue 'auto'
   */
  gzip?: 'auto' | boolean;
  /**
   * Bytes per read from a file.
   * @defaultValue 1048576
   */
  chunkSize?: number;
}

export const BYTE_SOURCE_KEYS = ['encoding', 'gzip', 'chunkSize'] as const;

/** Validated byte source settings. */
export interface ByteSettings {
  decoder: TextDecoder;
  gzip: 'auto' | boolean;
  chunkSize: number;
}

/** Validates the byte source options (at the call, before any reading). */
export function byteSettings(fn: string, o: ByteSourceOptions): ByteSettings {
  const enc = o.encoding ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    if (typeof enc !== 'string') throw new TypeError();
    decoder = new TextDecoder(enc, { fatal: true });
  } catch {
    throw new InvalidOptionError(fn, "options.encoding must be a WHATWG encoding label such as 'utf-8', 'latin1' or 'utf-16le'", enc);
  }
  const gzip = o.gzip ?? 'auto';
  if (gzip !== 'auto' && typeof gzip !== 'boolean') throw new InvalidOptionError(fn, "options.gzip must be 'auto', true or false", gzip);
  const chunkSize = o.chunkSize ?? 1 << 20;
  if (typeof chunkSize !== 'number' || !Number.isInteger(chunkSize) || chunkSize < 1024) throw new InvalidOptionError(fn, 'options.chunkSize must be an integer >= 1024', chunkSize);
  return { decoder, gzip, chunkSize };
}

/** Checks `source` before any work. */
export function checkSource(fn: string, source: unknown): void {
  if (typeof source === 'string' || source instanceof URL) return;
  if (source !== null && typeof source === 'object' && Symbol.asyncIterator in source) return;
  throw new InvalidInputError(fn, 'source must be a file path, a file URL, or a readable stream / async iterable of byte chunks', source);
}

/**
 * Yields the decoded text of `source` chunk by chunk. Progress reports bytes read from the source
 * (compressed bytes for gzip) of the file size when it is known.
 */
export async function* textChunks(fn: string, source: ReadSource, settings: ByteSettings, task: TaskControl): AsyncGenerator<string> {
  const { decoder, gzip: gz, chunkSize } = settings;
  let total: number | undefined;
  let name = '';
  let raw: AsyncIterable<Uint8Array>;
  let stream: (NodeJS.ReadableStream & { destroy?: () => void }) | null = null;
  if (typeof source === 'string' || source instanceof URL) {
    const path = source instanceof URL ? fileURLToPath(source) : source;
    name = path;
    try {
      total = statSync(path).size;
    } catch (e) {
      throw new ConnectorError(fn, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, e);
    }
    stream = createReadStream(path, { highWaterMark: chunkSize });
    raw = stream as unknown as AsyncIterable<Uint8Array>;
  } else raw = source as AsyncIterable<Uint8Array>;

  let bytes = 0;
  const it = raw[Symbol.asyncIterator]();
  let gunzip: ReturnType<typeof createGunzip> | null = null;
  let feeder: Readable | null = null;
  try {
    let first: IteratorResult<Uint8Array>;
    try {
      first = await it.next();
    } catch (e) {
      throw new ConnectorError(fn, 'reading the source failed', e);
    }
    if (first.done) {
      task.checkpoint(0, total ?? 0, 'bytes');
      return;
    }
    const head = toBytes(fn, first.value);
    const isGz = gz === true || (gz === 'auto' && (name.endsWith('.gz') || (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)));
    async function* counted(): AsyncGenerator<Uint8Array> {
      bytes += head.length;
      yield head;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        const b = toBytes(fn, r.value);
        bytes += b.length;
        yield b;
      }
    }
    let decoded: AsyncIterable<Uint8Array>;
    if (isGz) {
      feeder = Readable.from(counted(), { objectMode: false });
      gunzip = createGunzip({ chunkSize: 1 << 18 });
      pipeline(feeder, gunzip, () => undefined);
      decoded = gunzip as AsyncIterable<Uint8Array>;
    } else decoded = counted();
    for await (const chunk of decoded) {
      task.checkpoint(bytes, total, 'bytes');
      yield decode(fn, decoder, chunk, true);
    }
    const tail = decode(fn, decoder, undefined, false);
    if (tail.length > 0) yield tail;
    task.checkpoint(bytes, total ?? bytes, 'bytes');
  } catch (e) {
    if (e instanceof InvalidInputError || e instanceof ConnectorError || (e as { code?: string }).code === 'ABORTED') throw e;
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw new InvalidInputError(fn, `the gzip data is corrupt (${code})`, bytes);
    throw new ConnectorError(fn, 'reading the source failed', e);
  } finally {
    feeder?.destroy();
    gunzip?.destroy();
    stream?.destroy?.();
    if (stream === null) await it.return?.();
  }
}

function toBytes(fn: string, c: unknown): Uint8Array {
  if (c instanceof Uint8Array) return c;
  if (typeof c === 'string') return Buffer.from(c, 'utf8');
  throw new InvalidInputError(fn, 'a source chunk must be a Uint8Array (Buffer)', c);
}

function decode(fn: string, d: TextDecoder, chunk: Uint8Array | undefined, stream: boolean): string {
  try {
    return chunk === undefined ? d.decode() : d.decode(chunk, { stream });
  } catch {
    throw new InvalidInputError(fn, `the bytes are not valid ${d.encoding}; pass options.encoding (for example 'latin1')`, d.encoding);
  }
}
