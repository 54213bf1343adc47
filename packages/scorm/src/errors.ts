/** Why a package was refused. The API answers these as 400 `{ error: { code, message } }`; the SPA words them in ja/en. */
export type ScormErrorCode =
  | 'not_a_zip'
  | 'zip_too_large'
  | 'too_many_files'
  | 'too_large_uncompressed'
  | 'unsafe_path'
  | 'symlink'
  | 'encrypted'
  | 'unsupported_compression'
  | 'corrupt_zip'
  | 'no_manifest'
  | 'broken_manifest'
  | 'unsupported_version'
  | 'no_organization'
  | 'no_sco'
  | 'unsafe_href'
  | 'missing_launch_file'
  | 'missing_file';

export class ScormPackageError extends Error {
  constructor(
    readonly code: ScormErrorCode,
    message: string,
    /** The file or manifest element the problem is about, when there is one. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ScormPackageError';
  }
}
