/** Node's error codes in words a person can act on. */
const WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  EDQUOT: 'disk quota exceeded',
  EBUSY: 'busy: a mount point, or in use',
  EXDEV: 'on another file system',
  ENOTEMPTY: 'folder not empty',
  ELOOP: 'too many symbolic links on the way',
  ENAMETOOLONG: 'name too long for the file system',
  EIO: 'input/output error on the device',
  ERR_FS_FILE_TOO_LARGE: 'larger than the 2 GiB Node reads at once; split the export into several files, one run reads them all',
};

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) return WORDS[code] ?? code;
  return error instanceof Error ? error.message : String(error);
}
