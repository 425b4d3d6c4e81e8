/** What the operating system's error codes mean for the user, and what to do about each. */
const REASONS: Record<string, string> = {
  ENOSPC: 'there is no space left on the disk. Free some space, then run kernekit again.',
  EDQUOT: 'your disk quota is used up. Free some space, then run kernekit again.',
  EACCES: 'permission denied. Check the permissions of the file and its folder, or choose another folder.',
  EPERM: 'the operation is not permitted. Check the permissions of the file and its folder, or choose another folder.',
  EROFS: 'the disk is read-only. Choose a folder on a writable disk.',
  EISDIR: 'it is a folder where a file was expected. Give the path of a file.',
  ENOTDIR: 'a part of the path is a file where a folder was expected. Check the path.',
  ELOOP: 'its symbolic links point in a circle. Fix or remove the link.',
  ENOENT: 'it does not exist. Check the path.',
  ENAMETOOLONG: 'the path is too long. Use a shorter folder name.',
  EMFILE: 'too many files are open. Close some programs, then run kernekit again.',
  ENFILE: 'too many files are open. Close some programs, then run kernekit again.',
  EBUSY: 'it is in use by another program. Close that program, then run kernekit again.',
  EIO: 'the disk reported a read or write error. Check the disk, then run kernekit again.',
  EXDEV: 'it is on another disk than its folder. Choose an output folder on one disk.',
};

/** The user's reading of a file-system error (with its code), or undefined for any other error. */
export function fileSystemReason(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = typeof code === 'string' ? REASONS[code] : undefined;
  return reason && `${reason} (${code})`;
}
