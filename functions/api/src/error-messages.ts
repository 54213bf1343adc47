import type { Locale } from '@manabi/core';

/** One message in both UI languages. */
export interface Text {
  ja: string;
  en: string;
}

/** Values for `{name}` placeholders; a `Text` value (a translated resource name) is picked per locale. */
export type Params = Record<string, string | number | Text>;

/** Names of the things a 404 can be about, in both languages (glossary words). */
export const RESOURCES = {
  resource: { ja: 'データ', en: 'Resource' },
  assessment: { ja: 'テスト', en: 'Assessment' },
  assignment: { ja: '割り当て', en: 'Assignment' },
  attempt: { ja: '受験', en: 'Attempt' },
  bank: { ja: '問題バンク', en: 'Question bank' },
  certificate: { ja: '修了証', en: 'Certificate' },
  check_in: { ja: '振り返り面談', en: 'Check-in' },
  company: { ja: '企業', en: 'Company' },
  department: { ja: '部署', en: 'Department' },
  essay: { ja: '記述式の回答', en: 'Essay answer' },
  file: { ja: 'ファイル', en: 'File' },
  goal: { ja: '目標', en: 'Goal' },
  image: { ja: '画像', en: 'Image' },
  import_job: { ja: '取り込み', en: 'Import job' },
  tenant_job: { ja: '企業データの出力・削除', en: 'Company data job' },
  invitation: { ja: '招待', en: 'Invitation' },
  mentor: { ja: 'メンター', en: 'Mentor' },
  message: { ja: 'お知らせ', en: 'Message' },
  module: { ja: 'モジュール', en: 'Module' },
  package: { ja: '研修パッケージ', en: 'Package' },
  question: { ja: '問題', en: 'Question' },
  scorm_package: { ja: 'SCORM 教材', en: 'SCORM package' },
  scorm_upload: { ja: 'SCORM のアップロード', en: 'SCORM upload' },
  scim_token: { ja: 'SCIM トークン', en: 'SCIM token' },
  skill_framework: { ja: 'スキル体系', en: 'Skill framework' },
  user: { ja: 'ユーザー', en: 'User' },
  vendor: { ja: '販売パートナー', en: 'Vendor' },
} as const satisfies Record<string, Text>;
export type Resource = keyof typeof RESOURCES;

/**
 * Every message the API answers, keyed by error `code` (its default message) or by
 * `code.variant` (a more precise message for the same code). Keys under `field.` are
 * messages for `details[]` entries.
 */
export const ERROR_MESSAGES = {
  // Generic
  internal: {
    ja: 'サーバー側で問題が発生しました。しばらくしてからもう一度お試しください。',
    en: 'Something went wrong on our side. Please try again.',
  },
  response_contract_violation: {
    ja: '{route} の応答が API 契約（@manabi/contract）の定義と一致しません',
    en: 'The answer of {route} does not match its schema in the API contract (@manabi/contract)',
  },
  not_found: { ja: '{resource}が見つかりません', en: '{resource} not found' },
  'not_found.invitation': { ja: 'この招待は無効か、有効期限が切れています', en: 'This invitation is invalid or has expired' },
  bad_request: { ja: 'リクエストを読み取れません', en: 'The request cannot be read' },
  payload_too_large: {
    ja: '送信されたデータが大きすぎます（上限 {max}）',
    en: 'The request is too large (limit {max})',
  },
  unsupported_media_type: {
    ja: 'この形式のデータは受け付けていません',
    en: 'This content type is not accepted here',
  },
  http_error: { ja: 'リクエストを処理できません', en: 'The request cannot be processed' },
  conflict: { ja: '変更を保存できませんでした。もう一度お試しください', en: 'The change could not be saved; try again' },
  'conflict.department_name': { ja: '同じ名前の部署がすでにあります', en: 'A department with this name already exists' },
  'conflict.registration': { ja: '受講記録が更新中です。もう一度お試しください', en: 'The registration is being changed; try again' },
  stale: {
    ja: 'ほかの人が先に変更しました。再読み込みしてからやり直してください',
    en: 'It was changed meanwhile; reload it and try again',
  },
  busy: { ja: '同時に多くの記録が届いています。もう一度お試しください', en: 'Too many simultaneous heartbeats; try again' },

  // Sign-in and access
  unauthorized: { ja: 'サインインしてください', en: 'Sign in to continue' },
  'unauthorized.expired': {
    ja: 'セッションの有効期限が切れました。もう一度サインインしてください',
    en: 'Your session has expired; sign in again',
  },
  'unauthorized.ended': { ja: 'セッションが終了しました。もう一度サインインしてください', en: 'Your session has ended; sign in again' },
  forbidden: { ja: 'この操作を行う権限がありません', en: 'You do not have access to this' },
  'forbidden.checkin_schedule': {
    ja: '振り返り面談を設定できるのはメンター・上司・人事担当者です',
    en: 'Check-ins are scheduled by a mentor, manager or HR',
  },
  'forbidden.reflection': { ja: '振り返りは受講者本人が記入します', en: 'The reflection is the learner’s own' },
  'forbidden.comment': { ja: 'コメントはメンターまたは上司が記入します', en: 'The comment comes from the mentor or manager' },
  'forbidden.own_ojt': { ja: '自分の OJT は上司が承認します', en: 'Your own OJT is signed off by your manager' },
  'forbidden.origin': {
    ja: 'このアドレスからは利用できません。アプリのアドレスからアクセスしてください',
    en: 'Use the app’s own address; this one does not accept requests',
  },
  account_suspended: {
    ja: 'この企業の利用は停止されています。ご契約の販売パートナーにお問い合わせください',
    en: 'Access for this company is suspended; contact your provider',
  },
  account_deactivated: {
    ja: 'このアカウントは無効化されています。人事担当者にお問い合わせください',
    en: 'This account has been deactivated; contact your HR team',
  },
  access_changed: {
    ja: 'アカウントの権限が変更されました。もう一度サインインしてください',
    en: 'Your access has changed; sign in again',
  },
  invalid_credentials: { ja: 'メールアドレスまたはパスワードが正しくありません', en: 'The email address or password is incorrect' },
  rate_limited: {
    ja: 'サインインの失敗が続いています。しばらく待ってからもう一度お試しください。',
    en: 'Too many failed sign-in attempts. Please wait a while and try again.',
  },
  invalid_token: { ja: 'このリンクは無効か、有効期限が切れています', en: 'This link is invalid or has expired' },
  signup_disabled: {
    ja: 'ここでは企業の新規登録はできません。ご契約の販売パートナーにアカウントをご依頼ください',
    en: 'Companies cannot sign themselves up here; ask your provider for an account',
  },
  email_taken: { ja: 'このメールアドレスはすでに使われています', en: 'This email address is already in use' },
  'email_taken.signup': { ja: 'このメールアドレスでは登録できません', en: 'This email address cannot be used to sign up' },
  link_expired: { ja: 'リンクの有効期限が切れています', en: 'The link has expired' },
  link_invalid: { ja: 'リンクが正しくありません', en: 'The link is not valid' },

  // Plans, vendors, support
  feature_not_in_plan: {
    ja: '{feature}はご契約のプランに含まれていません。ご契約の販売パートナーにご相談ください',
    en: '{feature} is not part of your company’s plan; ask your provider',
  },
  seat_limit_reached: { ja: '契約の席数がすべて使われています', en: 'Every seat of the company’s plan is taken' },
  'seat_limit_reached.import': {
    ja: '契約の空き席は {free} 名分です。この取り込みでは {creating} 名を追加します。',
    en: 'The plan has {free} free seats; this import would add {creating} people.',
  },
  seat_limit_below_usage: { ja: '使用中の席数より少ない席数にはできません', en: 'The seat limit cannot be below the seats in use' },
  domain_taken: { ja: 'このホスト名はすでに使われています', en: 'This host name is already in use' },
  branding_locked: {
    ja: 'ご契約の販売パートナーがブランドの変更を許可していません',
    en: 'Your provider does not allow changing the brand',
  },
  no_vendor: { ja: 'この企業にはサポートを依頼できる販売パートナーがいません', en: 'Your company has no provider to grant access to' },
  support_access_required: {
    ja: 'この企業はサポート用の閲覧を許可していません（または期限が切れています）',
    en: 'The company has not granted support access (or it has ended)',
  },

  // People and departments
  not_invited: {
    ja: 'このユーザーはすでにパスワードを設定済みか、無効化されています',
    en: 'This user has already set a password or is deactivated',
  },
  department_in_use: {
    ja: '先にこの部署のユーザーを別の部署へ移してください',
    en: 'Move this department’s users to another department first',
  },

  // Validation (400 validation_error: the top message; details say what is wrong where)
  validation_error: { ja: '入力内容に誤りがあります', en: 'The request is not valid' },
  'validation_error.audience': {
    ja: '対象者に、この会社にない部署または職種が含まれています',
    en: 'The audience names departments or job roles that do not exist',
  },
  'validation_error.not_your_notification': { ja: '受け取らない種類のお知らせが含まれています', en: 'Not a notification you receive' },
  'validation_error.cursor': { ja: 'ページ送りの位置が正しくありません', en: 'Invalid cursor' },
  'validation_error.own_role': { ja: '自分のロールは変更できません', en: 'You cannot change your own role' },
  'validation_error.deactivate_self': { ja: '自分自身を無効化することはできません', en: 'You cannot deactivate yourself' },
  'validation_error.job_role': { ja: 'スキル体系にない職種です', en: 'Unknown job role' },
  'validation_error.self_mentor': { ja: '自分自身をメンターにはできません', en: 'Nobody mentors themselves' },
  'validation_error.unknown_skill': { ja: 'スキル体系にないスキルです', en: 'Unknown skill' },
  'validation_error.self_rating': { ja: '自分の評価は自己評価として入力してください', en: 'Use a self rating for yourself' },
  'validation_error.unknown_bank': { ja: '利用できない問題バンクが含まれています', en: 'Unknown question bank' },
  'validation_error.mode_locked': {
    ja: '公開済みのテストの出題方式は変更できません',
    en: 'The mode of a published assessment cannot change',
  },
  'validation_error.answer': { ja: 'この問題に合わない解答です', en: 'The answer does not fit this question' },
  'validation_error.launch': { ja: 'モジュールはアプリから開始してください', en: 'Launch the module from the app' },
  'validation_error.unknown_assessment': { ja: '存在しないテストが指定されています', en: 'The package names an unknown test' },
  'validation_error.unknown_scorm': { ja: '存在しない SCORM 教材が指定されています', en: 'The package names an unknown SCORM package' },
  'validation_error.package_problems': { ja: 'このままでは研修パッケージを提供できません', en: 'The package cannot be offered as it is' },
  'validation_error.assign_target': { ja: '対象者・部署・階層のいずれかを選んでください', en: 'Choose people, a department or a level' },
  'validation_error.catalog_packages': { ja: 'カタログにない研修パッケージが含まれています', en: 'Some packages are not in the catalog' },
  'validation_error.goal_not_smart': { ja: '目標がSMARTの条件を満たしていません', en: 'The goal is not yet SMART' },
  'validation_error.multipart_csv': {
    ja: 'CSV は multipart/form-data の "file" 欄で送ってください',
    en: 'Send the CSV as multipart/form-data in the field "file"',
  },
  'validation_error.multipart_file': {
    ja: 'ファイルは multipart/form-data の "file" 欄で送ってください',
    en: 'Send the file as multipart/form-data in the field "file"',
  },
  'validation_error.file_over_5mb': { ja: 'ファイルが 5 MB を超えています', en: 'The file is larger than 5 MB' },

  // Assessments and attempts
  draw_shortfall: {
    ja: '問題バンクの問題数が足りず、このテストを作れません',
    en: 'The question banks cannot fill this assessment exactly',
  },
  'draw_shortfall.adaptive': {
    ja: 'このアダプティブテストに使える公開済みの問題が足りません',
    en: 'Not enough published questions for this adaptive test',
  },
  attempts_exhausted: { ja: 'このテストの受験回数が残っていません', en: 'No attempts are left for this assessment' },
  already_answered: {
    ja: 'この問題には解答済みです。解答は変更できません',
    en: 'This question was already answered; answers cannot be changed',
  },
  attempt_closed: { ja: 'この受験は終了しています（時間切れまたは提出済み）', en: 'This attempt is over (time is up or it was submitted)' },
  not_current: { ja: 'いま出題中の問題ではありません', en: 'This is not the question being asked now' },
  attempt_changed: { ja: '受験の状態が変わりました。再読み込みしてください', en: 'The attempt changed meanwhile; reload it' },

  // Packages and completion
  wrong_module_kind: { ja: 'この種類のモジュールにはこの操作はできません', en: 'This action does not fit this kind of module' },
  'wrong_module_kind.not_scorm': { ja: 'このモジュールは SCORM 教材ではありません', en: 'This module is not a SCORM package' },
  'wrong_module_kind.quiz': { ja: 'クイズは合格すると完了になります', en: 'A quiz is completed by passing it' },
  'wrong_module_kind.sign_off': { ja: 'このモジュールは上司の承認で完了になります', en: 'This module is signed off by a manager' },
  completed_by_self: { ja: 'このレッスンは受講者が完了にします', en: 'This lesson is marked done by the learner' },
  completed_by_read_to_end: { ja: 'このレッスンは最後まで読むと完了になります', en: 'This lesson is completed by reading it to the end' },
  completed_by_viewed: {
    ja: 'このレッスンは {minutes} 分視聴すると完了になります',
    en: 'This lesson is completed after {minutes} minutes of viewing',
  },
  completed_by_quiz_passed: { ja: 'クイズは合格すると完了になります', en: 'A quiz is completed by passing it' },
  completed_by_scorm_completed: {
    ja: 'この教材は、教材自体が完了を報告すると完了になります',
    en: 'This course is completed when the course itself reports it completed',
  },
  completed_by_scorm_passed: {
    ja: 'この教材は、教材自体が合格を報告すると完了になります',
    en: 'This course is completed when the course itself reports it passed',
  },
  completed_by_signed_off: {
    ja: 'この OJT 課題は上司が承認すると完了になります',
    en: 'This OJT task is completed when a manager signs it off',
  },
  completed_by_attended: { ja: 'この研修は出席が記録されると完了になります', en: 'This session is completed when attendance is recorded' },

  // Goals (the domain words the refusal itself; these are the codes' default messages)
  illegal_transition: { ja: '目標の今の状態ではこの操作はできません', en: 'The goal cannot do this from its current state' },
  self_approval: { ja: '自分の目標は承認できません', en: 'You cannot approve your own goal' },
  past_due: { ja: '期日を過ぎています', en: 'The due date has passed' },
  already_reached: { ja: 'この目標はすでに達成されています', en: 'This goal is already reached' },
  idempotency_key_reused: {
    ja: 'この取り込みキーは別のファイルで使われています。ファイルを選び直して取り込み直してください',
    en: 'This idempotency key was used with another file; choose the file again and start a new import',
  },
  import_file_missing: {
    ja: '取り込むファイルが見つかりません。もう一度ファイルを選んで取り込んでください',
    en: 'The file to import is gone; choose it again and start a new import',
  },
  already_returned: { ja: 'この目標はすでに差し戻されています', en: 'This goal has already been returned' },
  not_due: { ja: 'まだ期日になっていません', en: 'The goal is not due yet' },

  service_unavailable: {
    ja: 'ただいま混み合っています。数秒後にもう一度お試しください',
    en: 'The service is busy right now; please try again in a few seconds',
  },
  // Company data lifecycle (export, deletion)
  tenant_not_deletable: {
    ja: '販売パートナーやプラットフォーム自身の企業は削除できません',
    en: 'A vendor’s or the platform’s own company cannot be deleted',
  },
  confirmation_mismatch: { ja: '確認のために入力した企業名が一致しません', en: 'The company name typed to confirm does not match' },
  'field.confirmation_mismatch': { ja: '企業名を正確に入力してください', en: 'Type the company name exactly' },

  // Files and images
  file_too_large: { ja: 'ファイルが大きすぎます（上限 {max} MB）', en: 'The file is too large (at most {max} MB)' },
  file_type_not_allowed: {
    ja: 'アップロードできるのは PDF、PowerPoint (pptx)、PNG、JPEG、WebP、GIF、MP4 のファイルです',
    en: 'Only PDF, PowerPoint (pptx), PNG, JPEG, WebP, GIF and MP4 files can be uploaded',
  },
  upload_missing: { ja: 'ファイルがまだアップロードされていません', en: 'The file has not been uploaded yet' },
  upload_in_progress: {
    ja: 'このアップロードは取り込み中です。少し待ってからもう一度お試しください',
    en: 'This upload is being imported; ask again in a moment',
  },
  upload_size_mismatch: {
    ja: 'アップロードされたファイルの大きさが、申告された大きさと違います',
    en: 'The uploaded file is not the size that was announced',
  },
  'upload_size_mismatch.exact': {
    ja: 'アップロードは {bytes} バイトちょうどにしてください',
    en: 'The upload must be exactly {bytes} bytes',
  },
  image_too_large: { ja: '画像が {max} KB を超えています', en: 'The image is larger than {max} KB' },
  invalid_image: { ja: '画像を読み取れません', en: 'The image cannot be read' },
  'invalid_image.type_not_allowed': { ja: '{types} のいずれかをアップロードしてください', en: 'Upload one of: {types}' },
  'invalid_image.not_valid': { ja: 'ファイルが正しい {format} 画像ではありません', en: 'The file is not a valid {format} image' },
  'invalid_image.unsafe_svg': {
    ja: 'SVG 画像にスクリプト・イベント処理・外部参照は含められません',
    en: 'SVG images may not contain scripts, event handlers or external references',
  },
  // Question images (stem / option pictures)
  'image_too_large.question': {
    ja: '問題の画像は {max} MB までです（この画像は {size} MB）',
    en: 'A question image may be at most {max} MB (this one is {size} MB)',
  },
  'invalid_image.question': {
    ja: '問題の画像は PNG・JPEG・GIF・WebP のいずれかにしてください（SVG は使えません）',
    en: 'A question image must be PNG, JPEG, GIF or WebP (SVG is not accepted)',
  },

  // SCORM packages (scorm_<reason>; {file} names the file when there is one)
  scorm_in_use: {
    ja: 'この SCORM 教材を使っている研修パッケージがあります。先にそこから外してください',
    en: 'A package uses this SCORM package; remove it from the package first',
  },
  scorm_not_a_zip: { ja: 'ファイルが zip 形式ではありません', en: 'The file is not a zip archive' },
  scorm_zip_too_large: { ja: 'zip ファイルが {max} MB を超えています', en: 'The zip is larger than {max} MB' },
  scorm_too_many_files: { ja: 'パッケージのファイル数が多すぎます', en: 'The package has too many files' },
  scorm_too_large_uncompressed: { ja: '展開後の大きさが上限を超えます', en: 'The package is too large once unpacked' },
  scorm_unsafe_path: { ja: 'パッケージの外を指すファイルがあります: {file}', en: 'A file points outside the package: {file}' },
  scorm_symlink: { ja: 'シンボリックリンクは使えません: {file}', en: 'Symbolic links are not accepted: {file}' },
  scorm_encrypted: { ja: '暗号化されたファイルは使えません: {file}', en: 'Encrypted files are not accepted: {file}' },
  scorm_unsupported_compression: {
    ja: '対応していない圧縮形式のファイルがあります: {file}',
    en: 'A file uses a compression other than deflate: {file}',
  },
  scorm_corrupt_zip: { ja: 'zip ファイルが壊れています', en: 'The zip file is damaged' },
  scorm_no_manifest: { ja: 'imsmanifest.xml がありません', en: 'The package has no imsmanifest.xml' },
  scorm_broken_manifest: { ja: 'imsmanifest.xml を読み取れません', en: 'imsmanifest.xml cannot be read' },
  scorm_unsupported_version: {
    ja: '対応していない SCORM のバージョンです（SCORM 1.2 と 2004 第3・4版に対応）',
    en: 'This SCORM version is not supported (SCORM 1.2 and 2004 3rd/4th edition are)',
  },
  scorm_no_organization: {
    ja: 'マニフェストに教材の構成（organization）がありません',
    en: 'The manifest has no organization (no course structure)',
  },
  scorm_no_sco: { ja: '起動できる SCO がありません', en: 'The default organization launches no SCO' },
  scorm_unsafe_href: { ja: 'パッケージの外を指す参照があります: {file}', en: 'A reference points outside the package: {file}' },
  scorm_missing_launch_file: { ja: '起動ファイルが zip にありません: {file}', en: 'The launch file is not in the zip: {file}' },
  scorm_missing_file: {
    ja: 'マニフェストにあるファイルが zip にありません: {file}',
    en: 'A file the manifest lists is not in the zip: {file}',
  },

  // Company SSO (issue #13)
  sso_required: {
    ja: 'この会社では会社のアカウント（シングルサインオン）でサインインします',
    en: 'Your company signs in with its company account (single sign-on)',
  },
  sso_domain_taken: {
    ja: 'このメールドメインは別の会社のシングルサインオンで使われています',
    en: 'This email domain is already used by another company’s single sign-on',
  },
  sso_unavailable: {
    ja: '会社の認証サービスに接続できません。しばらくしてからもう一度お試しください',
    en: 'Your company’s sign-in service cannot be reached. Please try again later',
  },
  'field.sso_https_required': { ja: 'https の URL を入力してください', en: 'Use an https URL' },
  'field.sso_metadata_unreadable': { ja: 'この URL からメタデータを読み込めません', en: 'The metadata cannot be read from this URL' },
  'field.sso_metadata_invalid': {
    ja: 'IdP のメタデータとして読み取れません（エンティティ ID、Redirect の SSO URL、署名用の証明書が必要です）',
    en: 'Not usable IdP metadata (it needs an entity ID, a Redirect SSO URL and a signing certificate)',
  },
  'field.sso_discovery_failed': {
    ja: 'この発行者（issuer）の OpenID Connect の設定を取得できません',
    en: 'The OpenID Connect configuration of this issuer cannot be discovered',
  },
  'field.sso_break_glass': {
    ja: 'パスワードでサインインできる緊急用の人事管理者を選んでください',
    en: 'Choose the break-glass HR admin who can still sign in with a password',
  },

  // Messages for details[] entries
  'field.required': { ja: '入力してください', en: 'Required' },
  'field.audience_department': { ja: 'この会社の部署ではありません', en: 'Not a department of this company' },
  'field.audience_job_role': { ja: 'スキル体系にない職種です', en: 'Not a job role of the skill framework' },
  'field.audience_levels_only': {
    ja: '販売パートナーの研修パッケージは多くの企業に提供されるため、対象者は階層だけで指定します',
    en: 'A vendor’s package is offered to many companies: its audience can name levels only',
  },
  'field.not_your_notification': { ja: '受け取らない種類のお知らせです', en: 'Not a notification you receive' },
  'field.too_large': { ja: '大きすぎます', en: 'Too large' },
  'field.wrong_size': { ja: '大きさが違います', en: 'Wrong size' },
  'field.invalid_or_expired': { ja: '無効か、有効期限が切れています', en: 'Invalid or expired' },
  'field.cursor': { ja: 'ページ送りの位置が正しくありません', en: 'Invalid cursor' },
  'field.choose_someone_else': { ja: '別の人を選んでください', en: 'Choose someone else' },
  'field.not_framework_skill': { ja: 'スキル体系にないスキルです', en: 'Not a skill of this framework' },
  'field.not_framework_job_role': { ja: 'スキル体系にない職種です', en: 'Not a job role of the skill framework' },
  'field.manager_rating_self': { ja: '自分を上司として評価することはできません', en: 'Cannot rate yourself as a manager' },
  'field.mode_locked': { ja: '公開後は変更できません', en: 'Cannot change after publishing' },
  'field.choose_assignees': { ja: '割り当てる人を選んでください', en: 'Choose who to assign' },
  'field.not_company_package': { ja: 'この企業の研修パッケージではありません', en: 'Not a package of this company' },
  'field.not_catalog_package': { ja: 'カタログにない研修パッケージです', en: 'Not a package of the catalog' },
  'field.bank_not_offered': {
    ja: 'この問題バンクを提供する販売パートナーがいません',
    en: 'Your company has no provider offering this bank',
  },
  'field.question_not_published': {
    ja: '問題 {id} はこの企業の公開済みの問題ではありません',
    en: 'Question {id} is not a published question of this company',
  },
  'field.draw_shortfall': {
    ja: 'スキル {skill}{level} の公開済みの問題は {available} 問しかありません（必要数 {wanted} 問）',
    en: 'Only {available} published questions for skill {skill}{level}; the rule asks for {wanted}',
  },
  'field.adaptive_shortfall': {
    ja: 'これらのスキルの公開済みの問題は {available} 問です。{needed} 問以上必要です',
    en: 'Only {available} published questions for these skills; at least {needed} are needed',
  },
  'field.vendor_quiz_template': {
    ja: '販売パートナーのクイズはテンプレートです（企業のテストは指定できません）',
    en: 'A vendor’s quiz is a template (no assessment of a company)',
  },
  'field.not_own_bank': { ja: '自社またはカタログの問題バンクではありません', en: 'Not a bank of yours or of the catalog' },
  'field.not_own_assessment': { ja: '自社のテストではありません', en: 'Not a test of your company' },
  'field.not_own_scorm': { ja: 'アップロード済みの自社の SCORM 教材ではありません', en: 'Not an uploaded SCORM package of yours' },
  'field.scorm_used_by': { ja: '{count} 件の研修パッケージで使われています', en: 'Used by {count} package(s)' },
  'field.origin_missing': { ja: 'Origin ヘッダーがありません', en: 'The Origin header is missing' },
  'field.seats_left': { ja: '追加できるのはあと {free} 名です', en: 'Only {free} more people can be added' },
  'field.answer': { ja: 'この問題に合わない解答です', en: 'The answer does not fit this question' },

  // Password reset and MFA (issue 13)
  'rate_limited.password_reset': {
    ja: 'パスワード再設定の依頼が多すぎます。しばらく待ってからもう一度お試しください。',
    en: 'Too many password reset requests. Please wait a while and try again.',
  },
  'rate_limited.mfa': {
    ja: '確認コードの入力が続けて間違っていました。もう一度サインインしてください。',
    en: 'Too many wrong codes. Please sign in again.',
  },
  not_active: {
    ja: 'このユーザーはまだパスワードを設定していないか、無効化されています',
    en: 'This user has not set a password yet or is deactivated',
  },
  invalid_mfa_code: { ja: '確認コードが正しくありません', en: 'The code is not correct' },
  mfa_challenge_expired: {
    ja: '確認の有効期限が切れました。もう一度サインインしてください。',
    en: 'This sign-in step has expired. Please sign in again.',
  },
  mfa_already_enabled: { ja: '2段階認証はすでに有効です', en: 'Two-step verification is already on' },
  mfa_not_enabled: { ja: '2段階認証は有効になっていません', en: 'Two-step verification is not on' },
  mfa_setup_missing: {
    ja: '先に認証アプリの登録を始めてください',
    en: 'Start setting up the authenticator app first',
  },
  mfa_required: {
    ja: 'あなたの役割では2段階認証が必須のため、無効にできません',
    en: 'Two-step verification is required for your role and cannot be turned off',
  },
  'field.date': { ja: '存在しない日付です', en: 'Not a real date' },
  'field.mfa_code': { ja: '6桁の確認コードか回復コードを入力してください', en: 'Enter the 6-digit code or a recovery code' },

  // Essays graded by a person (issue 17)
  essay_already_graded: {
    ja: 'この記述式の回答は、ほかの採点者がすでに採点しました。点数を変えるときは「再採点」を使ってください',
    en: 'Someone else already graded this essay. To change its points, use "Regrade"',
  },
  essay_not_graded: {
    ja: 'まだ採点されていない回答は再採点できません。先に採点してください',
    en: 'This essay has not been graded yet, so it cannot be regraded: grade it first',
  },
  essay_changed: {
    ja: 'この回答はほかの採点者が再採点しました。再読み込みして確かめてください',
    en: 'Someone else regraded this essay meanwhile; reload it to see their points',
  },
  'field.essay_too_long': { ja: '{max} 語（字）以内で書いてください', en: 'Write at most {max} words' },
  'field.essay_too_short': { ja: '{min} 語（字）以上書いてください', en: 'Write at least {min} words' },
  'field.rubric_points': { ja: '0〜{max} の整数で入力してください', en: 'Give whole points from 0 to {max}' },
  'field.rubric_unknown': { ja: 'このルーブリックにない観点です', en: 'Not a criterion of this rubric' },
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof ERROR_MESSAGES;
/** An error code: a key without a `.variant` and not a details message. */
export type ErrorCode = Exclude<MessageKey, `${string}.${string}`>;

/** Feature names for `feature_not_in_plan`. */
export const FEATURES = {
  adaptive: { ja: 'アダプティブテスト', en: 'Adaptive testing' },
  reportsExport: { ja: 'レポートの出力', en: 'Exporting reports' },
} as const satisfies Record<string, Text>;

export const codeOfKey = (key: MessageKey): ErrorCode => key.split('.')[0] as ErrorCode;

/** The message for `key` in `locale`, placeholders filled. */
export function errorMessage(key: MessageKey, locale: Locale, params: Params = {}): string {
  return fill(ERROR_MESSAGES[key][locale], locale, params);
}

export function fill(template: string, locale: Locale, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}
