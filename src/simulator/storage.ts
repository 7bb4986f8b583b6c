/**
 * The simulator's stand-in for Workato's package storage (an S3 bucket, fixtures/package-export-status.json): a
 * completed export's zip sits here under an unguessable key, and `GET /packages/:id/download` redirects to it.
 * REFERENCE §15.6 [inferred]: the storage URL is signed and needs no bearer token. Like S3 with a presigned URL, a
 * request that ALSO carries an Authorization header is refused (400), so a client that leaks its token to the
 * storage host fails loudly.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const STORAGE_PREFIX = '/__storage/packages/';
/** Route key of storage downloads in the simulator's request counters. */
export const STORAGE_ROUTE = 'GET /__storage/packages/:key/:file';

export interface StoredZip {
  bytes: Uint8Array;
  fileName: string;
}

export class PackageStorage {
  private readonly blobs = new Map<string, StoredZip>();

  /** Stores a zip; answers its path (under STORAGE_PREFIX) with a presigned-looking query string. */
  put(zip: StoredZip): string {
    const key = randomBytes(12).toString('hex');
    this.blobs.set(key, zip);
    return `${STORAGE_PREFIX}${key}/${encodeURIComponent(zip.fileName)}?X-Amz-Expires=300&X-Amz-Signature=${randomBytes(8).toString('hex')}`;
  }

  /** Serves `GET /__storage/packages/:key/:file`; answers the HTTP status it sent. */
  serve(pathname: string, authorization: string | undefined, res: ServerResponse): number {
    const [key] = pathname.slice(STORAGE_PREFIX.length).split('/');
    const blob = key ? this.blobs.get(key) : undefined;
    const status = authorization ? 400 : blob ? 200 : 404;
    res.statusCode = status;
    if (status !== 200 || !blob) {
      const text = status === 400 ? 'InvalidArgument: Only one auth mechanism allowed' : 'NoSuchKey: The specified key does not exist.';
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end(text);
      return status;
    }
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-length', blob.bytes.byteLength);
    res.setHeader('content-disposition', `attachment; filename="${blob.fileName}"`);
    res.end(blob.bytes);
    return status;
  }
}
