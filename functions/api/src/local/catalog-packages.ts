import type { LearningPackageInput } from '@manabi/upskilling';

/** `catalogBank` stands in for the catalog bank id; the seed replaces it with the real catalog bank id. */
export const CATALOG_BANK = '$CATALOG_BANK';

/**
 * A quiz drawn from the catalog's starter bank. That bank only holds questions (8 each) for
 * ビジネス基礎, コンプライアンス, 情報セキュリティ, 論理的思考, Excel・IT and コミュニケーション,
 * so draws stay within those skills and at most 3 per skill.
 */
const catalogQuiz = (draws: { skill: string; count: number }[]) => ({
  bankIds: [`catalog:${CATALOG_BANK}`],
  draws,
  passMark: 60,
  timeLimitMinutes: 15,
});

/**
 * The platform's level-based training catalog (階層別研修): one package per level of the ladder,
 * each mixing short e-learning lessons, a check quiz, an OJT task signed off by the manager and,
 * for leaders and managers, a training session. Each package is meant for its own level (its
 * audience), so a learner is offered the package of their level and not, say, the managers'.
 */
export const CATALOG_PACKAGES: LearningPackageInput[] = [
  // ───────────────────────────── 内定者研修 ─────────────────────────────
  {
    title: { ja: '内定者研修', en: 'Pre-hire training' },
    description: {
      ja: '入社前に身につけておきたい社会人の基本を学ぶパッケージです。社会人としての心構え、報連相、ビジネスメールの書き方を短いeラーニングで学び、確認テストと実践課題（人事担当者へのメール）で定着を確かめます。',
      en: 'The basics to learn before your first day: the professional mindset, hōrensō (reporting, informing and consulting) and business email. Short e-learning lessons are followed by a check quiz and a practical task — an email to your HR contact.',
    },
    level: 'pre_hire',
    audience: { levels: ['pre_hire'] },
    modules: [
      {
        id: 'professional-mindset',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '社会人の心構え', en: 'The professional mindset' },
        estimatedMinutes: 15,
        skillTags: ['ビジネス基礎'],
        body: {
          ja: `## 学生と社会人の違い

学生は「お金を払って学ぶ」立場、社会人は「価値を提供して対価を得る」立場です。評価されるのは努力そのものではなく、**成果と信頼**です。

## 信頼を得る5つの基本

- **時間を守る**：始業や会議の5分前には準備を終える。遅れそうなときは、分かった時点ですぐに連絡する
- **約束を守る**：引き受けた仕事は期限と求められる品質を確認する。守れないときは早めに相談する
- **挨拶と返事**：「おはようございます」「はい、承知しました」を自分から、相手に聞こえる声で
- **当事者意識**：「誰かがやるだろう」ではなく、自分の仕事として考える
- **学び続ける**：分からないことはメモを取り、まず調べてから質問する

## 具体例

入社初日、上司から「明日の10時までにこの資料を読んでおいて」と頼まれたら、「承知しました。明日10時までに読み、不明点があればまとめてご相談します」と**期限と次の行動**を復唱します。読み終えたら、声をかけられる前に「読み終えました。2点質問があります」と自分から報告します。

## チェックリスト

- [ ] 始業の10分前に到着（ログイン）できる手段と時間を確認した
- [ ] 依頼を受けたら、期限と内容を復唱している
- [ ] 分からないことをメモし、まとめて質問している
- [ ] 自分から先に挨拶している`,
          en: `## Student vs. professional

A student pays to learn; a professional is paid to deliver value. You are judged not on effort alone but on **results and trust**.

## Five habits that build trust

- **Be on time**: be ready five minutes before work and meetings; if you will be late, say so as soon as you know
- **Keep commitments**: confirm the deadline and expected quality; if you cannot meet them, say so early
- **Greet and respond**: say "good morning" and "understood" first, clearly
- **Ownership**: treat the work as yours, not as something someone else will do
- **Keep learning**: note what you do not know, look it up, then ask

## Example

On day one your manager asks you to read a document by 10:00 tomorrow. Reply: "Understood — I'll read it by 10:00 tomorrow and bring any questions together." Repeat the **deadline and next step**. When you finish, report before being asked: "I've read it and have two questions."

## Checklist

- [ ] I know how to arrive or log in 10 minutes before start time
- [ ] I repeat the deadline and content of each request
- [ ] I note my questions and ask them together
- [ ] I greet people first`,
        },
      },
      {
        id: 'horenso',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '報連相の基本', en: 'Hōrensō: reporting, informing, consulting' },
        estimatedMinutes: 15,
        skillTags: ['ビジネス基礎', 'コミュニケーション'],
        body: {
          ja: `## 報連相とは

- **報告**：指示を受けた仕事の進捗や結果を、指示した人に伝える
- **連絡**：関係者に事実や予定を共有する（自分の意見は入れない）
- **相談**：判断に迷うとき、自分の考えを持ったうえで意見や助言を求める

## 伝え方のポイント

- **結論から**：「結論から申し上げますと、納期に1日遅れる見込みです」
- **事実と意見を分ける**：「〜でした（事実）。私は〜と考えます（意見）」
- **悪い報告ほど早く**：ミスやトラブルは、言いにくくてもすぐに伝える
- **タイミングを選ぶ**：相手の様子を見て「今2分よろしいでしょうか」と声をかける
- **手段を使い分ける**：急ぎは口頭や電話、記録を残したいものはメールやチャット

## 具体例

資料作成を頼まれたが、データの一部が見つからない場合：
「○○の資料の件でご相談です。昨年度のデータが共有フォルダに見当たりません。総務の田中さんに確認するか、今年度分だけで作成するか、どちらがよいでしょうか。私は田中さんに確認したいと考えています」

## チェックリスト

- [ ] 仕事が終わったら、指示した人に自分から報告している
- [ ] 結論から話している
- [ ] 相談するときは自分の案を用意している
- [ ] ミスやトラブルはその日のうちに伝えている`,
          en: `## What is hōrensō?

- **Hōkoku (report)**: tell the person who gave you a task how it is going and how it ended
- **Renraku (inform)**: share facts and schedules with the people concerned, without opinions
- **Sōdan (consult)**: when unsure, ask for advice — with your own idea ready

## How to say it

- **Conclusion first**: "In short, delivery will be one day late."
- **Separate facts from opinions**: "X happened (fact). I think Y (opinion)."
- **Bad news early**: report mistakes and problems at once, even when it is awkward
- **Pick the moment**: "Do you have two minutes?"
- **Choose the channel**: urgent → in person or by phone; needs a record → email or chat

## Example

Part of the data for a report is missing: "May I consult you about the report? Last year's figures are not in the shared folder. Shall I ask Mr. Tanaka in General Affairs, or use this year's data only? I'd prefer to ask him."

## Checklist

- [ ] I report to the requester as soon as a task is done
- [ ] I start with the conclusion
- [ ] I bring my own proposal when I consult
- [ ] I report mistakes and problems the same day`,
        },
      },
      {
        id: 'email-basics',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: 'ビジネスメールの基本', en: 'Business email basics' },
        estimatedMinutes: 20,
        skillTags: ['ビジネス基礎', 'コミュニケーション'],
        body: {
          ja: `## メールの基本構成

1. **件名**：内容と用件が一目で分かるように（例：【ご確認】入社書類の提出について）
2. **宛名**：会社名・部署名・氏名・敬称（例：株式会社○○ 人事部 山田様）
3. **挨拶と名乗り**：「お世話になっております。内定者の佐藤です。」
4. **本文**：結論→理由・詳細の順に。1文を短くし、3〜5行ごとに空行を入れる
5. **結び**：「ご確認のほど、よろしくお願いいたします。」
6. **署名**：氏名・大学名（所属）・電話番号・メールアドレス

## 注意点

- **To／CC／BCC**：Toは対応してほしい人、CCは共有したい人、BCCは受信者同士にアドレスを見せない一斉送信に使う
- **返信は24時間以内**：すぐに答えられなくても「確認のうえ、○日までにご連絡します」と返す
- **送信前の確認**：宛先、添付ファイル、日付と曜日、固有名詞の誤字
- 「様」と「御中」は併用しない（個人には様、会社や部署には御中）

## 具体例

件名：内定者研修への出席について（佐藤）
本文：「日程のご案内をありがとうございます。5月20日10時からの研修に出席いたします。当日の持ち物について1点確認させてください。」

## チェックリスト

- [ ] 件名だけで用件が分かる
- [ ] 宛名と敬称が正しい
- [ ] 結論が本文の最初の3行以内にある
- [ ] 宛先と添付を送信前に確認した`,
          en: `## Structure of a business email

1. **Subject**: topic and action at a glance ("[Please check] Onboarding documents")
2. **Addressee**: company, department, name and honorific
3. **Greeting and name**: "Thank you for your support. This is Sato, joining in April."
4. **Body**: conclusion first, then details; short sentences and paragraphs
5. **Closing**: "Thank you for checking."
6. **Signature**: name, school or department, phone, email

## Points to watch

- **To/CC/BCC**: To = who must act; CC = who should know; BCC = bulk mail that hides addresses
- **Reply within 24 hours**, even if only "I will check and reply by Friday"
- **Before sending**: recipients, attachments, dates and weekdays, spelling of names
- In Japanese, use 様 for a person and 御中 for a company or department, never both

## Example

Subject: Attending the pre-hire training (Sato)
"Thank you for the schedule. I will attend the training on 20 May at 10:00. May I ask one question about what to bring?"

## Checklist

- [ ] The subject alone says what the email is about
- [ ] Names and honorifics are correct
- [ ] The conclusion is in the first three lines
- [ ] I checked recipients and attachments before sending`,
        },
      },
      {
        id: 'basics-quiz',
        kind: 'quiz',
        title: { ja: '確認テスト：社会人の基本', en: 'Check quiz: professional basics' },
        estimatedMinutes: 15,
        skillTags: ['ビジネス基礎', 'コミュニケーション'],
        template: catalogQuiz([
          { skill: 'ビジネス基礎', count: 3 },
          { skill: 'コミュニケーション', count: 2 },
        ]),
      },
      {
        id: 'hr-email-task',
        kind: 'ojt',
        title: { ja: '実践課題：人事担当者へのメール', en: 'Practical task: an email to your HR contact' },
        estimatedMinutes: 30,
        skillTags: ['ビジネス基礎', 'コミュニケーション'],
        instructions: {
          ja: `## 課題

内定者懇親会（または面談）のお礼と、入社書類の提出予定を伝えるメールを作成し、人事担当者宛てに送信してください。

## 手順

1. 件名・宛名・挨拶と名乗り・本文・結び・署名の6要素で下書きを作る
2. 本文は「お礼→書類の提出予定日→確認したいことがあれば1点」の順に、10行以内にまとめる
3. 送信前に、宛先・敬称・日付・誤字をチェックする
4. 送信後、確認者に「送信しました」と報告する

## 確認者（人事担当者または受入れ部署の上司）の完了基準

- 件名だけで用件が分かる
- 宛名と敬称（様／御中）が正しい
- 提出予定日が具体的な日付で書かれている
- 誤字脱字がなく、丁寧語・謙譲語が適切に使われている
- 課題を伝えてから3営業日以内に送信されている

満たしていない点があれば具体的に伝え、修正版を受け取ってから完了にしてください。`,
          en: `## Task

Write and send an email to your HR contact that thanks them for the pre-hire get-together (or interview) and states when you will submit your onboarding documents.

## Steps

1. Draft it with all six parts: subject, addressee, greeting and name, body, closing, signature
2. Keep the body under ten lines: thanks → the date you will submit the documents → at most one question
3. Before sending, check the recipient, honorifics, dates and spelling
4. After sending, tell the reviewer that you have sent it

## Sign-off criteria for the reviewer (HR contact or the receiving manager)

- The subject alone says what the email is about
- The addressee and honorific (様 / 御中) are correct
- The submission date is a specific date
- There are no typos and polite and humble forms are used correctly
- It was sent within three business days of the task being given

If any point is missing, give specific feedback and sign off once you have received the corrected version.`,
        },
      },
    ],
  },

  // ───────────────────────────── 新入社員研修 ─────────────────────────────
  {
    title: { ja: '新入社員研修', en: 'New employee training' },
    description: {
      ja: '入社後の3か月で身につけたい、ビジネスマナー・情報セキュリティ・コンプライアンスの基本を学びます。確認テストと、配属先での電話応対の実践（OJT）で定着を確かめます。',
      en: 'The essentials for your first three months: business manners, information security basics and compliance. A check quiz and on-the-job telephone practice in your team confirm what you have learned.',
    },
    level: 'new_hire',
    audience: { levels: ['new_hire'] },
    modules: [
      {
        id: 'business-manners',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: 'ビジネスマナーの基本', en: 'Business manners' },
        estimatedMinutes: 20,
        skillTags: ['ビジネス基礎', 'コミュニケーション'],
        body: {
          ja: `## 敬語の3種類

| 種類 | 働き | 例 |
| --- | --- | --- |
| **尊敬語** | 相手を高める | いらっしゃる、おっしゃる、ご覧になる |
| **謙譲語** | 自分を低めて相手を立てる | 伺う、申し上げる、拝見する |
| **丁寧語** | 丁寧に言う | です、ます、ございます |

社外の人に自社の人のことを話すときは、上司でも敬称を付けず謙譲語を使います。
×「田中部長はいらっしゃいません」→○「部長の田中は席を外しております」

## 電話応対

- 3コール以内に出る。遅れたら「お待たせいたしました」
- 「はい、株式会社○○、営業部の佐藤でございます」と名乗る
- 相手の会社名・氏名・用件・折り返し先を**復唱してメモ**する
- 伝言メモの6項目：誰から・誰宛て・日時・用件・折り返しの要否・受けた人

## 名刺交換と席次

- 名刺は目下・訪問した側から、相手が読める向きで両手で差し出す
- 受け取った名刺は、商談中は名刺入れの上に置く
- 応接室では入口から遠い席が上座。お客様を上座へ案内する

## 具体例

「山田様（ABC商事）より14時10分にお電話。見積書の件で、本日17時までに折り返しご希望。03-XXXX-XXXX。受：佐藤」と伝言メモを残す。

## チェックリスト

- [ ] 社外の人に対して、自社の人に敬称を付けていない
- [ ] 電話で相手の名前と用件を復唱している
- [ ] 伝言メモに6項目を書いている`,
          en: `## Three kinds of keigo

| Kind | What it does | Examples |
| --- | --- | --- |
| **Sonkeigo** (respectful) | raises the other person | irassharu, ossharu, goran ni naru |
| **Kenjōgo** (humble) | lowers yourself to honour them | ukagau, mōshiageru, haiken suru |
| **Teineigo** (polite) | speaks politely | desu, masu, gozaimasu |

When talking to outsiders about colleagues, even your manager, drop honorifics and use humble forms: "Tanaka, our manager, is away from his desk."

## Telephone

- Answer within three rings; if later, apologise for the wait
- Give the company, your department and your name
- **Repeat back and note** the caller's company, name, purpose and call-back number
- A message memo has six items: from, to, time, purpose, call back or not, taken by

## Business cards and seating

- The junior or visiting party offers first, with both hands, facing the recipient
- Keep received cards on your card case during the meeting
- The seat farthest from the door is the seat of honour; guide guests there

## Example

"From Ms. Yamada (ABC Trading), 14:10, about the quotation. Please call back by 17:00 today: 03-XXXX-XXXX. Taken by Sato."

## Checklist

- [ ] I never use honorifics for colleagues when talking to outsiders
- [ ] I repeat names and purposes on the phone
- [ ] My memos contain all six items`,
        },
      },
      {
        id: 'security-basics',
        kind: 'lesson',
        completion: { rule: 'viewed', minutes: 10 },
        title: { ja: '情報セキュリティの基本', en: 'Information security basics' },
        estimatedMinutes: 20,
        skillTags: ['情報セキュリティ'],
        body: {
          ja: `## 守るべき3つの性質

- **機密性**：許可された人だけが見られる
- **完全性**：内容が正しく、改ざんされていない
- **可用性**：必要なときに使える

## 日常の基本ルール

- **パスワード**：長く推測されにくいものにし、使い回さない。多要素認証を必ず設定する
- **メール**：不審な添付ファイルやリンクは開かない。差出人アドレスや文面の不自然さを確認する
- **離席時は画面ロック**（Windows：Win＋L、Mac：Control＋Command＋Q）
- **データの持ち出し**：私物のUSBメモリや、許可されていないクラウドサービスに業務データを保存しない
- **社外での作業**：画面ののぞき見、公共の場での会話、フリーWi-Fiに注意する
- **誤送信防止**：送信前に宛先を確認し、社外への一斉送信はBCCを使う

## 具体例

取引先の名前で「振込先口座が変更になりました」というメールが届いた。**メールには返信せず、以前から知っている電話番号で取引先に確認**し、情報システム部門に報告する（ビジネスメール詐欺の典型的な手口です）。

## インシデントが起きたら

ウイルス感染の疑い、PCやスマートフォンの紛失、誤送信に気づいたら、自分で判断したり隠したりせず、**すぐに上司と情報システム部門に報告**します。早い報告が被害を小さくします。

## チェックリスト

- [ ] 業務アカウントに多要素認証を設定した
- [ ] 離席時に画面をロックしている
- [ ] インシデントの報告先を知っている`,
          en: `## Three properties to protect

- **Confidentiality**: only authorised people can see it
- **Integrity**: it is correct and has not been tampered with
- **Availability**: it can be used when needed

## Everyday rules

- **Passwords**: long, hard to guess, never reused; always turn on MFA
- **Email**: do not open suspicious attachments or links; check the sender
- **Lock your screen** when you leave your desk (Windows: Win+L, Mac: Control+Command+Q)
- **Data**: never store work data on personal USB drives or unapproved cloud services
- **Outside**: beware of prying eyes, public conversations and free Wi-Fi
- **Sending mail**: check recipients; use BCC for bulk mail outside

## Example

A supplier's email says their bank account has changed. **Do not reply — call them on a number you already know** and report it to IT. This is a classic business email compromise.

## If an incident happens

Suspected malware, a lost device or a misdirected email: never hide it — **report to your manager and IT at once**. Early reports limit the damage.

## Checklist

- [ ] MFA is on for my work accounts
- [ ] I lock my screen when I leave
- [ ] I know whom to report incidents to`,
        },
      },
      {
        id: 'compliance-basics',
        kind: 'lesson',
        completion: { rule: 'viewed', minutes: 10 },
        title: { ja: 'コンプライアンスの基本', en: 'Compliance basics' },
        estimatedMinutes: 20,
        skillTags: ['コンプライアンス'],
        body: {
          ja: `## コンプライアンスとは

法令だけでなく、社内規程や社会の常識・倫理を守ることです。一人の違反が、会社全体の信用を失わせます。

## 新入社員が特に注意すること

- **個人情報**：顧客や社員の情報は業務の目的の範囲でだけ使い、必要以上にコピーや持ち出しをしない
- **SNS**：業務で知った情報、社内の写真、取引先の話を投稿しない。私的な投稿でも所属は特定されうる
- **著作権**：インターネット上の画像や文章を資料に無断で使わない。出典と利用条件を確認する
- **インサイダー取引**：業務で知った未公表の重要事実をもとに株式を売買しない。家族や友人に伝えることも規制の対象になりうる
- **接待・贈答**：取引先からの贈り物や接待は社内ルールに従い、上司に報告する
- **経費・勤怠**：実態どおりに申請し、打刻する

## 具体例

会議で、取引先が来週発表する新製品の情報を知った。友人に「あの会社の株、上がるよ」と話すことは、インサイダー取引規制（情報伝達・取引推奨の禁止）に触れるおそれがあります。**未公表の情報は社外で話さない**のが原則です。

## 迷ったら

「家族や報道に知られても説明できるか」を考え、迷ったら上司やコンプライアンス相談窓口に相談します。

## チェックリスト

- [ ] 社内の相談窓口を知っている
- [ ] 業務で知った情報をSNSに書いていない
- [ ] 打刻と経費精算を実態どおりに行っている`,
          en: `## What compliance means

Following laws, company rules and social ethics. One person's breach can cost the whole company its reputation.

## What new employees should watch

- **Personal data**: use customer and staff data only for its business purpose; do not copy or take it out
- **Social media**: never post work information, office photos or client stories; private accounts can be traced to you
- **Copyright**: check the licence before reusing images or text from the web
- **Insider trading**: never trade on undisclosed material facts learned at work; tipping off others can also be illegal
- **Gifts and hospitality**: follow company rules; tell your manager
- **Expenses and attendance**: record them exactly as they happened

## Example

You learn of a client's product launch due next week. Telling a friend "buy their shares" may break insider trading rules. **Never discuss undisclosed information outside the company.**

## When in doubt

Ask: "Could I explain this to my family or a reporter?" If unsure, ask your manager or the helpline.

## Checklist

- [ ] I know the compliance helpline
- [ ] I never post work information
- [ ] My attendance and expenses are accurate`,
        },
      },
      {
        id: 'basics-quiz',
        kind: 'quiz',
        title: { ja: '確認テスト：マナー・セキュリティ・コンプライアンス', en: 'Check quiz: manners, security and compliance' },
        estimatedMinutes: 15,
        skillTags: ['ビジネス基礎', '情報セキュリティ', 'コンプライアンス'],
        template: catalogQuiz([
          { skill: 'ビジネス基礎', count: 2 },
          { skill: '情報セキュリティ', count: 2 },
          { skill: 'コンプライアンス', count: 2 },
        ]),
      },
      {
        id: 'phone-practice',
        kind: 'ojt',
        title: { ja: '電話応対の実践', en: 'Telephone practice' },
        estimatedMinutes: 40,
        skillTags: ['ビジネス基礎', 'コミュニケーション'],
        instructions: {
          ja: `## 課題

配属先で、外線電話の一次対応を**10件**行い、伝言メモを残してください（期間の目安：2週間）。

## 手順

1. 最初の3件は先輩が隣で聞き、終わるたびに1分のフィードバックを受ける
2. 名乗り（会社名・部署名・氏名）→用件の確認→復唱→取り次ぎまたは伝言、の流れで対応する
3. 不在者宛ての電話は、伝言メモ（誰から・誰宛て・日時・用件・折り返しの要否・受けた人）を残し、本人にチャットでも伝える
4. 10件分の伝言メモ（または対応記録）を上司に提出する

## 上司の完了基準

- 3コール以内に出て、正しく名乗れている
- 相手の会社名・氏名・電話番号を復唱している
- 社外の相手に対し、自社の人に敬称を付けていない
- 伝言メモに6項目がそろい、誤りがない
- 自分で判断できない用件を約束せず、担当者につないでいる

後半の5件で上記をすべて満たしていれば完了にしてください。`,
          en: `## Task

Handle **ten** incoming external calls in your team and leave message memos (allow about two weeks).

## Steps

1. For the first three calls a senior colleague listens beside you and gives one minute of feedback after each
2. Follow the flow: give your company, department and name → confirm the purpose → repeat back → transfer the call or take a message
3. For someone who is away, write a memo (from, to, time, purpose, call back or not, taken by) and also tell them by chat
4. Hand the ten memos (or call notes) to your manager

## Sign-off criteria for the manager

- Answers within three rings and introduces themself correctly
- Repeats back the caller's company, name and phone number
- Does not use honorifics for colleagues when speaking to outsiders
- Every memo has all six items, without errors
- Does not make promises they cannot decide on, and passes the call to the right person

Sign off when the last five calls meet all of the criteria.`,
        },
      },
    ],
  },

  // ───────────────────────────── 若手社員研修 ─────────────────────────────
  {
    title: { ja: '若手社員研修', en: 'Junior staff training' },
    description: {
      ja: '入社2〜4年目の若手社員向け。論理的思考、問題解決の進め方、Excelによるデータ活用を学び、自分の業務の改善提案（OJT）で実践します。',
      en: 'For employees in their second to fourth year: logical thinking, structured problem solving and using Excel for data, put into practice with an improvement proposal for your own work.',
    },
    level: 'junior',
    audience: { levels: ['junior'] },
    modules: [
      {
        id: 'logical-thinking',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '論理的思考の基本', en: 'Logical thinking basics' },
        estimatedMinutes: 20,
        skillTags: ['論理的思考', 'コミュニケーション'],
        body: {
          ja: `## 結論から伝える：PREP法

**P**oint（結論）→**R**eason（理由）→**E**xample（具体例）→**P**oint（結論の再確認）の順に話すと、短時間で正確に伝わります。

## ピラミッドストラクチャー

結論を頂点に置き、それを支える根拠を2〜4個並べ、各根拠をさらに事実やデータで支えます。
- 上から下へ「なぜそう言えるのか（Why so?）」に答えられるか
- 下から上へ「つまり何が言えるのか（So what?）」が成り立つか

## MECE（モレなく、ダブりなく）

論点や対象を分けるときは、漏れや重複がないようにします。
- 良い例：顧客を「新規／既存」で分ける
- 悪い例：「法人／大口顧客」（重複があり、個人顧客が漏れている）

## 具体例

上司への提案：
「結論として、よくある質問（FAQ）ページを作るべきです。理由は2つあります。①先月の問い合わせ約270件のうち6割（約160件）が同じ5つの質問でした。②回答には1件平均15分、合計で約40時間かかっています。FAQで自己解決が進めば、この時間の多くを削減できます。そのため、FAQページの作成を提案します」

## チェックリスト

- [ ] 最初の一文で結論を言っている
- [ ] 根拠が数字やデータなどの事実で支えられている
- [ ] 分類に漏れや重複がない`,
          en: `## Conclusion first: PREP

**P**oint → **R**eason → **E**xample → **P**oint again. Speaking in this order gets your message across quickly and accurately.

## The pyramid structure

Put the conclusion at the top, two to four supporting reasons below it, and facts or data under each reason.
- Top-down, each level answers "Why so?"
- Bottom-up, each level answers "So what?"

## MECE: mutually exclusive, collectively exhaustive

When you split a topic, avoid gaps and overlaps.
- Good: customers split into "new / existing"
- Bad: "corporate / large accounts" (they overlap, and individuals are missing)

## Example

A proposal to your manager: "We should build an FAQ page. Two reasons: (1) of about 270 enquiries last month, 60% (about 160) were the same five questions; (2) each took 15 minutes on average — about 40 hours in total. If customers find answers themselves, we save most of that time. So I propose an FAQ page."

## Checklist

- [ ] My first sentence states the conclusion
- [ ] My reasons rest on facts such as figures
- [ ] My categories have no gaps or overlaps`,
        },
      },
      {
        id: 'problem-solving',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '問題解決の進め方', en: 'Structured problem solving' },
        estimatedMinutes: 25,
        skillTags: ['問題解決', '論理的思考'],
        body: {
          ja: `## 問題とは「あるべき姿」と「現状」のギャップ

まず、あるべき姿（目標）と現状を数字で定義します。「ミスが多い」ではなく、「請求書の差し戻しが月12件（目標は3件以下）」のように表します。

## 4つのステップ

1. **What（どこが問題か）**：データを分解し、問題が起きている場所を絞り込む
2. **Why（なぜ起きるか）**：「なぜ」を繰り返して真因を探る（なぜなぜ分析）。人の責任追及ではなく、仕組みや手順の原因を探す
3. **How（どうするか）**：打ち手を複数出し、効果と実行しやすさで評価して選ぶ
4. **実行と検証**：実施後に数字で効果を確かめ、手順書などで定着させる

## 具体例

請求書の差し戻し月12件を内容別に分けると、9件が「取引先コードの誤り」だった。
- なぜ誤る？→コードを手入力している
- なぜ手入力？→入力欄が自由記述で、取引先マスタから選べない
- 打ち手：入力欄をマスタからの選択式に変更し、手順書を更新する

翌月、差し戻しは3件に減った。

## チェックリスト

- [ ] 問題を数字で表している
- [ ] 原因を特定する前に打ち手を決めていない
- [ ] 「人」ではなく「仕組み」の原因を探している
- [ ] 実施後に効果を数字で確認した`,
          en: `## A problem is the gap between "should be" and "is"

First define the target and the current state in numbers. Not "too many mistakes" but "12 invoices sent back per month (target: 3 or fewer)".

## Four steps

1. **What (where is the problem?)**: break the data down and narrow in on where it occurs
2. **Why (what causes it?)**: ask "why" repeatedly to find the root cause — in the process, not in a person
3. **How (what will we do?)**: list several options and choose by impact and ease
4. **Do and check**: measure the effect in numbers and make it stick, e.g. in the manual

## Example

Of 12 returned invoices a month, 9 had a wrong client code.
- Why wrong? → The code is typed in by hand
- Why by hand? → The field is free text, not a pick list from the client master
- Action: make the field a pick list from the master and update the manual

The next month, only 3 invoices were returned.

## Checklist

- [ ] The problem is stated in numbers
- [ ] I did not pick a fix before finding the cause
- [ ] I looked for causes in the process, not in people
- [ ] I measured the effect afterwards`,
        },
      },
      {
        id: 'excel-skills',
        kind: 'lesson',
        completion: { rule: 'self' },
        title: { ja: '業務で使うExcel活用', en: 'Excel for everyday work' },
        estimatedMinutes: 25,
        skillTags: ['Excel・IT'],
        body: {
          ja: `## データは「表」の形で管理する

- 1行に1件、1列に1項目。結合セルや空行を入れない
- 範囲を選んで **Ctrl＋T** でテーブルにすると、行を追加しても数式や書式が自動で広がる

## よく使う関数

- **SUMIFS／COUNTIFS**：条件付きの合計・件数（例：担当者別・月別の売上）
- **XLOOKUP**：コードから名称や単価を引く（Microsoft 365／Excel 2021以降。それ以前はVLOOKUP）
- **IFERROR**：エラーのときの表示を決める
- **絶対参照**：F4キーで $A$1 のように固定し、数式をコピーしても参照がずれないようにする

## ピボットテーブル

集計表は手で作らず、「挿入」→「ピボットテーブル」で作ります。行に担当者、列に月、値に売上金額を置けば、担当者×月の集計表が数秒でできます。元データを更新したら「すべて更新」を押します。

## 具体例

売上データを「売上」という名前のテーブルにし、集計表のA列に担当者名、1行目に月を並べる。B2セルに
=SUMIFS(売上[金額], 売上[担当者], $A2, 売上[月], B$1)
と入れて右と下にコピーすれば、担当者×月の売上表が完成する。

## チェックリスト

- [ ] 元データに結合セルや空行がない
- [ ] 集計は関数かピボットテーブルで作り、手入力していない
- [ ] 数式をコピーしたとき、参照がずれていないか確認した`,
          en: `## Keep data as a proper table

- One record per row, one field per column; no merged cells or blank rows
- Select the range and press **Ctrl+T**: formulas and formats extend automatically to new rows

## Functions you will use often

- **SUMIFS / COUNTIFS**: totals and counts with conditions (e.g. sales by person and month)
- **XLOOKUP**: look up names or prices from a code (Microsoft 365 / Excel 2021+; otherwise VLOOKUP)
- **IFERROR**: decide what to show on an error
- **Absolute references**: press F4 to fix a reference like $A$1 so it does not shift when copied

## Pivot tables

Do not build summaries by hand: Insert → PivotTable. Put the salesperson in Rows, the month in Columns and the amount in Values. Press Refresh All after the data changes.

## Example

With the data in a table named Sales, names in column A and months in row 1, enter in B2:
=SUMIFS(Sales[Amount], Sales[Person], $A2, Sales[Month], B$1)
and copy it right and down for a person × month table.

## Checklist

- [ ] The source data has no merged cells or blank rows
- [ ] Summaries come from formulas or pivots, not typing
- [ ] I checked references after copying formulas`,
        },
      },
      {
        id: 'thinking-quiz',
        kind: 'quiz',
        title: { ja: '確認テスト：論理的思考とExcel', en: 'Check quiz: logical thinking and Excel' },
        estimatedMinutes: 15,
        skillTags: ['論理的思考', 'Excel・IT'],
        template: catalogQuiz([
          { skill: '論理的思考', count: 3 },
          { skill: 'Excel・IT', count: 3 },
        ]),
      },
      {
        id: 'improvement-proposal',
        kind: 'ojt',
        title: { ja: '自分の業務の改善提案', en: 'Improvement proposal for your own work' },
        estimatedMinutes: 40,
        skillTags: ['問題解決', '論理的思考', 'Excel・IT'],
        instructions: {
          ja: `## 課題

自分が担当している定型業務を1つ選び、問題解決の4ステップで改善案をまとめ、A4 1枚で上司に提案してください。

## 手順

1. 対象の業務を選び、1週間の所要時間やミスの件数を記録してExcelで集計する
2. 「あるべき姿」と「現状」を数字で書く
3. なぜなぜ分析で、原因を3段階以上掘り下げる
4. 打ち手を3案出し、効果と実行しやすさで比較して1案を選ぶ
5. PREP法で、上司に5分で説明する

## 上司の完了基準

- 現状が数字（時間・件数など）で示されている
- 原因が「人」ではなく、仕組みや手順に向いている
- 複数の案を比較したうえで選んでいる
- 結論から説明できている
- 実行する場合の期限と、効果の測り方が書かれている

提案を採用するかどうかは問いません。基準を満たしていれば完了にし、良い点と改善点を1つずつ本人に伝えてください。`,
          en: `## Task

Choose one routine task you own, work out an improvement using the four problem-solving steps, and propose it to your manager on one A4 page.

## Steps

1. Pick the task; for one week, record the time it takes and the number of errors, and summarise them in Excel
2. Write down the target and the current state in numbers
3. Dig at least three levels deep with "why, why, why"
4. List three options, compare them on impact and ease, and choose one
5. Present it to your manager in five minutes using PREP

## Sign-off criteria for the manager

- The current state is shown in numbers (time, counts)
- Causes point to the process or procedure, not to people
- The choice was made by comparing several options
- The explanation starts with the conclusion
- A deadline and a way to measure the effect are given

Whether the proposal is adopted does not matter. Sign off when the criteria are met, and give one strength and one point to improve.`,
        },
      },
    ],
  },

  // ───────────────────────────── 中堅社員研修 ─────────────────────────────
  {
    title: { ja: '中堅社員研修', en: 'Mid-career staff training' },
    description: {
      ja: '後輩を育て、チームの仕事を前に進める立場になった中堅社員向け。後輩指導、プロジェクト推進、会議のファシリテーションを学び、実際の会議の進行（OJT）で実践します。',
      en: "For experienced staff who now develop juniors and drive the team's work: mentoring, running projects and facilitating meetings, put into practice by facilitating a real meeting.",
    },
    level: 'mid',
    audience: { levels: ['mid'] },
    modules: [
      {
        id: 'mentoring',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '後輩指導の進め方', en: 'Mentoring junior colleagues' },
        estimatedMinutes: 20,
        skillTags: ['コーチング', 'コミュニケーション'],
        body: {
          ja: `## 仕事を教える4段階

1. **準備させる**：仕事の目的と全体像を伝え、「なぜやるのか」を理解してもらう
2. **やって見せる**：手順を区切り、急所（品質や安全に効くポイント）を理由とともに説明する
3. **やらせてみる**：実際にやってもらい、手順を説明させながら確認する
4. **フォローする**：質問先を決め、確認の頻度を徐々に減らす

## ティーチングとコーチング

- **ティーチング**：知識や手順を教える。経験が浅い段階や、正解が決まっている仕事に向く
- **コーチング**：質問で本人の考えを引き出す。ある程度経験を積んだ段階に向く
- 「どう思う？」と聞く前に、判断に必要な情報を渡しているか確認する

## フィードバックのコツ

- 行動と事実に触れる（「数字の出典が明記されていて確認しやすかった」）
- 改善点は1回に1〜2点に絞る
- 注意は1対1で。良い点は人前で伝えてもよい

## 具体例

見積書の作成を任せるとき、「1件目は私が作るのを見て、2件目は一緒に、3件目からは1人で作ってみよう。しばらくは提出前に私が確認し、慣れてきたら確認を抜き取りに減らすね」と、段階と確認の仕方を伝える。

## チェックリスト

- [ ] 仕事の目的を先に伝えた
- [ ] 任せる範囲と確認のタイミングを決めた
- [ ] 週に1回は、良かった点を具体的に伝えている`,
          en: `## Four steps to teach a task

1. **Prepare**: explain the purpose and the big picture, so they know why the task matters
2. **Show**: break the task into steps and explain the key points (what affects quality or safety) with reasons
3. **Let them try**: have them do it while explaining each step back to you
4. **Follow up**: name who to ask, then check less and less often

## Teaching vs. coaching

- **Teaching** passes on knowledge and procedures — for beginners and tasks with one right answer
- **Coaching** draws out their own thinking with questions — once they have some experience
- Before asking "what do you think?", make sure they have the information to decide

## Feedback tips

- Refer to actions and facts ("citing the source of each figure made it easy to check")
- Limit improvements to one or two at a time
- Correct in private; praise can be public

## Example

Handing over quotations: "Watch me do the first, we'll do the second together, then try the third alone. I'll check before you send at first, then only spot-check."

## Checklist

- [ ] I explained the purpose first
- [ ] I agreed the scope and when I will check
- [ ] I give specific praise at least weekly`,
        },
      },
      {
        id: 'project-basics',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: 'プロジェクト推進の基本', en: 'Running a project' },
        estimatedMinutes: 25,
        skillTags: ['マネジメント', '問題解決'],
        body: {
          ja: `## 立ち上げで決める4つのこと

- **目的とゴール**：何のために、何ができたら完了か（完了の定義）
- **スコープ**：やること、やらないこと
- **体制**：誰が決め、誰が実行し、誰に相談・共有するか
- **期限とマイルストーン**：最終期限だけでなく、中間の節目を置く

## 計画：WBS

成果物から作業へと分解し、1つの作業が数日以内で終わる細かさにします。各作業に担当者と期限を1つずつ付けます。

## 進捗とリスクの管理

- 週に1回、予定と実績を比べ、「順調／注意／遅延」で報告する
- 遅れは小さいうちに共有し、「影響・原因・対策・相談したいこと」をセットで伝える
- 起こりうるリスクを洗い出し、発生の可能性と影響の大きさで優先度をつけ、対策を決めておく

## 具体例

社内ポータル刷新プロジェクト：ゴールを「6月末に新ポータルを公開し、7月末までに社員の8割が利用している」と定義。スコープ外に「人事システムとの連携」を明記し、マイルストーンを要件確定（4月末）とテスト完了（6月中旬）に置いた。

## チェックリスト

- [ ] 完了の定義とスコープ外が文書になっている
- [ ] すべての作業に担当者と期限がある
- [ ] 遅れを「影響・原因・対策」で報告している`,
          en: `## Four things to settle at the start

- **Purpose and goal**: why, and what "done" looks like
- **Scope**: what is in, and what is out
- **Roles**: who decides, who does the work, who is consulted or informed
- **Deadline and milestones**: intermediate checkpoints, not just the end date

## Plan: the WBS

Break deliverables down into tasks of a few days at most. Give every task exactly one owner and one due date.

## Track progress and risks

- Weekly, compare plan and actuals and report on track / at risk / late
- Share delays while they are small, with impact, cause, countermeasure and what you need
- List possible risks, rank them by likelihood and impact, and plan responses

## Example

Intranet renewal: the goal is "launch by end of June, with 80% of staff using it by end of July". HR system integration is listed as out of scope; milestones are requirements fixed (end of April) and testing done (mid-June).

## Checklist

- [ ] "Done" and out-of-scope items are written down
- [ ] Every task has an owner and a due date
- [ ] I report delays with impact, cause and countermeasure`,
        },
      },
      {
        id: 'facilitation',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '会議のファシリテーション', en: 'Facilitating meetings' },
        estimatedMinutes: 20,
        skillTags: ['コミュニケーション', 'チームワーク'],
        body: {
          ja: `## 会議の前

- **目的とゴール**を決める（共有・意見出し・決定のどれか）
- アジェンダに議題ごとの時間配分を書き、前日までに送る
- ゴールの達成に必要な人を呼ぶ

## 会議の中

- 冒頭でゴール・終了時刻・進め方を確認する
- **発散→収束**：まず意見を広く出し、次に判断の基準を決めて絞り込む
- 発言の少ない人に「○○さんは現場の立場からどう見えますか」と振る
- 論点と意見をホワイトボードや共有画面に書いて見える化する
- 話がそれたら「大事な論点なので別の場で扱いましょう」と保留リストに書く

## 会議の後

- 決定事項と**やること（誰が・何を・いつまでに）**を24時間以内に共有する

## 具体例

「本日のゴールは、新人研修の日程を2案から1つに決めることです。時間は30分。最初の10分で各案の懸念を出し、次の10分で評価し、最後の10分で決定とタスクの確認をします」

## チェックリスト

- [ ] 会議のゴールを一文で言える
- [ ] 参加者全員が一度は発言した
- [ ] すべてのタスクに担当者と期限がある`,
          en: `## Before the meeting

- Decide the **purpose and goal**: share, generate ideas, or decide
- Send an agenda with time per item by the day before
- Invite the people needed to reach the goal

## During the meeting

- Open by confirming the goal, the end time and how you will proceed
- **Diverge, then converge**: collect ideas widely first, then agree criteria and narrow down
- Invite quiet members: "How does this look from the front line, Ms. Sato?"
- Write points and opinions on a whiteboard or shared screen
- If the talk drifts: "That's important — let's park it for another meeting"

## After the meeting

- Within 24 hours, share decisions and **to-dos (who, what, by when)**

## Example

"Today's goal is to choose one of two dates for new-hire training. We have 30 minutes: ten to raise concerns about each option, ten to evaluate them, and ten to decide and confirm to-dos."

## Checklist

- [ ] I can state the meeting goal in one sentence
- [ ] Everyone spoke at least once
- [ ] Every to-do has an owner and a due date`,
        },
      },
      {
        id: 'mid-quiz',
        kind: 'quiz',
        title: { ja: '確認テスト：伝える力と考える力', en: 'Check quiz: communication and reasoning' },
        estimatedMinutes: 15,
        skillTags: ['コミュニケーション', '論理的思考'],
        template: catalogQuiz([
          { skill: 'コミュニケーション', count: 3 },
          { skill: '論理的思考', count: 2 },
        ]),
      },
      {
        id: 'facilitate-meeting',
        kind: 'ojt',
        title: { ja: '会議ファシリテーションの実践', en: 'Facilitate a real meeting' },
        estimatedMinutes: 40,
        skillTags: ['コミュニケーション', 'チームワーク'],
        instructions: {
          ja: `## 課題

チームの定例会議または打合せ（30〜60分、参加者3名以上）を1回、ファシリテーターとして進行してください。

## 手順

1. 上司と対象の会議を決め、会議のゴール（共有・意見出し・決定）を合意する
2. アジェンダ（議題・時間配分・事前に準備してほしいもの）を前日までに参加者へ送る
3. 会議中は論点をホワイトボードや共有画面で見える化し、全員に発言の機会をつくる
4. 終了後24時間以内に、決定事項とタスク（担当者・期限）を参加者に共有する
5. 上司に、うまくいった点と次に変える点を1つずつ報告する

## 上司（会議に同席、または議事録で確認）の完了基準

- 事前にゴールとアジェンダが共有されていた
- 予定時間内に終わった（超過は5分以内）
- 発言が特定の人に偏らないよう働きかけていた
- 議事録に、決定事項と担当者・期限つきのタスクがある
- 振り返りが具体的である`,
          en: `## Task

Facilitate one team meeting (30–60 minutes, at least three participants).

## Steps

1. Choose the meeting with your manager and agree its goal (share, generate ideas, or decide)
2. Send the agenda (items, time per item, anything to prepare) to participants by the day before
3. During the meeting, make the points visible on a whiteboard or shared screen and give everyone a chance to speak
4. Within 24 hours, share the decisions and to-dos (owner and due date) with participants
5. Tell your manager one thing that went well and one thing you will change next time

## Sign-off criteria for the manager (attending, or from the minutes)

- The goal and agenda were shared in advance
- The meeting ended on time (no more than five minutes over)
- The facilitator made sure a few people did not dominate
- The minutes list decisions and to-dos with owners and due dates
- The reflection is specific`,
        },
      },
    ],
  },

  // ───────────────────────────── リーダー研修 ─────────────────────────────
  {
    title: { ja: 'リーダー研修', en: 'Team leader training' },
    description: {
      ja: '初めてチームを率いるリーダー・監督職向け。チームビルディング、SMARTによる目標設定、1on1の進め方を学び、メンバーとの目標合意（OJT）と集合研修のロールプレイで実践します。',
      en: 'For first-time team leaders and supervisors: team building, SMART goal setting and one-on-ones, put into practice by agreeing goals with a team member and in an in-person role-play workshop.',
    },
    level: 'leader',
    audience: { levels: ['leader'] },
    modules: [
      {
        id: 'team-building',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: 'チームビルディング', en: 'Team building' },
        estimatedMinutes: 20,
        skillTags: ['チームワーク', 'リーダーシップ'],
        body: {
          ja: `## チームの発達段階（タックマンモデル）

1. **形成期**：互いをよく知らず、様子見の状態→目的と役割をはっきり示す
2. **混乱期**：意見や進め方がぶつかる→対立を避けず、論点を整理して話し合う
3. **統一期**：ルールや役割が定まる→合意したルールを明文化する
4. **機能期**：自律的に成果を出す→権限を委ね、リーダーは支援に回る

混乱期は失敗ではなく、良いチームになるための通過点です。

## 心理的安全性

「このチームでは、質問や反対意見、ミスの報告をしても責められない」と全員が感じている状態です。リーダーが自分の分からないことを認める、報告に感謝する、発言を途中で否定しない、といった行動で高まります。

## チームの約束をつくる

チームの目的、各自の役割、会議や連絡のルールをメンバーと一緒に決め、1枚にまとめて見える場所に置きます。

## 具体例

ミスを報告したメンバーに、「なぜ確認しなかったの」ではなく「早く教えてくれてありがとう。まず影響を一緒に確認しよう。再発防止策は明日みんなで考えよう」と返す。

## チェックリスト

- [ ] チームの目的を全員が同じ言葉で言える
- [ ] 役割分担が文書になっている
- [ ] 悪い知らせには、まず感謝を返している`,
          en: `## How teams develop (Tuckman)

1. **Forming**: people are polite and cautious → make the purpose and roles clear
2. **Storming**: opinions and ways of working clash → do not avoid conflict; structure the discussion
3. **Norming**: rules and roles settle → write the agreed rules down
4. **Performing**: the team delivers on its own → delegate and move into a support role

Storming is not failure; it is part of becoming a good team.

## Psychological safety

Everyone feels they can ask questions, disagree or report mistakes without being blamed. Leaders build it by admitting what they do not know, thanking people for reports and not cutting people off.

## Write a team agreement

Agree the team's purpose, each person's role and the rules for meetings and contact together, and put them on one page everyone can see.

## Example

When someone reports a mistake, instead of "Why didn't you check?", say: "Thanks for telling me early. Let's check the impact together, and tomorrow we'll work out how to prevent it as a team."

## Checklist

- [ ] Everyone states the team's purpose the same way
- [ ] Roles are written down
- [ ] I answer bad news with thanks first`,
        },
      },
      {
        id: 'smart-goals',
        kind: 'lesson',
        completion: { rule: 'self' },
        title: { ja: 'SMARTな目標設定', en: 'Setting SMART goals' },
        estimatedMinutes: 20,
        skillTags: ['マネジメント', 'リーダーシップ'],
        body: {
          ja: `## SMARTの5要素

- **S（具体的）**：何を、どこまでやるかが明確
- **M（測定可能）**：数値や状態で、達成したかどうかを判断できる
- **A（達成可能）**：努力すれば届く水準で、必要な資源や権限がある
- **R（関連性）**：チームや組織の目標につながっている
- **T（期限）**：いつまでに達成するかが決まっている

## 書き換えの例

- ×「顧客満足度を上げる」
- ○「9月末までに、問い合わせへの初回回答時間を平均24時間から8時間以内に短縮し、満足度アンケートで4.2点以上（現状3.8点）を得る」

## 目標を合意する手順

1. 組織とチームの目標を共有する
2. メンバー本人に目標案を考えてもらう
3. SMARTの観点で一緒に磨き、行動計画と必要な支援を決める
4. 中間で進捗を確認する日を、その場で決める

## 注意点

- 数字にしにくい仕事は「状態」で定義する（例：新人が1人で見積書を作成できる）
- 目標は3〜5個に絞る

## チェックリスト

- [ ] 第三者が見ても、達成したかどうかを判断できる
- [ ] 期限と中間確認日がある
- [ ] チーム目標とのつながりを説明できる`,
          en: `## The five SMART criteria

- **S (Specific)**: clear about what will be done, and how far
- **M (Measurable)**: a number or observable state shows whether it was achieved
- **A (Achievable)**: a stretch but reachable, with the resources and authority needed
- **R (Relevant)**: linked to team and company goals
- **T (Time-bound)**: has a deadline

## Rewriting a goal

- Weak: "Improve customer satisfaction"
- SMART: "By the end of September, cut the average first response to enquiries from 24 hours to 8 and reach 4.2 or more in the satisfaction survey (now 3.8)"

## Agreeing goals

1. Share the company and team goals
2. Ask the team member to draft their own goals
3. Refine them together against SMART; agree an action plan and the support needed
4. Set the mid-point review date there and then

## Tips

- Define hard-to-count work as a state ("a new hire can prepare quotations alone")
- Keep to three to five goals

## Checklist

- [ ] A third party could tell whether each goal was met
- [ ] There is a deadline and a mid-point review
- [ ] I can explain the link to the team goal`,
        },
      },
      {
        id: 'one-on-one',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '1on1ミーティングの進め方', en: 'Running one-on-ones' },
        estimatedMinutes: 20,
        skillTags: ['コーチング', 'コミュニケーション'],
        body: {
          ja: `## 1on1の目的

1on1は**メンバーのための時間**です。業務の進捗確認だけでなく、悩み・キャリア・成長について定期的に話し、信頼関係をつくります。評価面談とは分けて行います。

## 基本の運用

- 頻度は週1回〜隔週、1回15〜30分。日程の変更はしても中止はしない
- 話題はメンバーが決め、事前に共有メモに書いてもらう
- リーダーは7〜8割の時間を聴く側に回る

## GROWモデルで問いかける

- **G**oal：「この件、どうなったら理想？」
- **R**eality：「今はどんな状況？」
- **O**ptions：「どんなやり方が考えられる？」
- **W**ill：「まず何から、いつやる？」

## 具体例

メンバー「資料作りに時間がかかってしまって…」
リーダー「どのくらいかかっているの？」「理想はどのくらい？」「特に時間がかかるのはどの部分？」「試せそうなことはある？」
→本人が「先に構成案を見せて方向性を確認する」と決め、次回の1on1で結果を振り返る。

## チェックリスト

- [ ] 次回の日時を決めてから終えている
- [ ] 自分が話しすぎていない
- [ ] 合意した行動を記録し、次回に確認している`,
          en: `## Why one-on-ones?

A one-on-one is **the team member's time**. Beyond checking progress, you talk regularly about concerns, career and growth, and build trust. Keep it separate from performance reviews.

## How to run them

- Weekly or fortnightly, 15–30 minutes; reschedule if needed, but never cancel
- The team member sets the topics, in a shared note beforehand
- Spend 70–80% of the time listening

## Ask with the GROW model

- **G**oal: "What would the ideal outcome be?"
- **R**eality: "Where are things now?"
- **O**ptions: "What could you try?"
- **W**ill: "What will you do first, and when?"

## Example

Member: "Preparing documents takes me too long."
Leader: "How long does it take? What would be ideal? Which part takes longest? What could you try?"
→ The member decides to show an outline first to agree the direction, and you review the result at the next one-on-one.

## Checklist

- [ ] We fix the next date before we finish
- [ ] I am not doing most of the talking
- [ ] I record agreed actions and follow up next time`,
        },
      },
      {
        id: 'leader-quiz',
        kind: 'quiz',
        title: { ja: '確認テスト：リーダーの基本', en: 'Check quiz: leadership essentials' },
        estimatedMinutes: 15,
        skillTags: ['コミュニケーション', 'コンプライアンス', '論理的思考'],
        template: catalogQuiz([
          { skill: 'コミュニケーション', count: 2 },
          { skill: 'コンプライアンス', count: 2 },
          { skill: '論理的思考', count: 2 },
        ]),
      },
      {
        id: 'goal-agreement',
        kind: 'ojt',
        title: { ja: 'メンバーとの目標合意', en: 'Agree SMART goals with a team member' },
        estimatedMinutes: 40,
        skillTags: ['マネジメント', 'コーチング'],
        instructions: {
          ja: `## 課題

メンバー1名と1on1を行い、次の四半期の目標を2〜3個、SMARTの形で合意してください。

## 手順

1. 事前にチーム目標を共有し、メンバーに目標案を考えてきてもらう
2. 1on1（30分程度）で、GROWモデルの問いかけを使って案を一緒に磨く
3. 目標ごとに、行動計画・必要な支援・中間確認日を決める
4. 合意した目標を目標シート（またはこのシステムの目標）に記録し、メンバーに内容を確認してもらう

## 上長（リーダーの上司）の完了基準

- 各目標がSMARTの5要素を満たしている（第三者が達成を判断できる）
- チーム目標とのつながりが説明できる
- 目標案はメンバー本人が考え、リーダーは問いかけで支援した（メンバーに確認してよい）
- 中間確認日が決まっている

足りない要素があれば指摘し、修正されたら完了にしてください。`,
          en: `## Task

Hold a one-on-one with one team member and agree two or three goals for the next quarter in SMART form.

## Steps

1. Share the team goals beforehand and ask the member to bring draft goals
2. In the one-on-one (about 30 minutes), refine the drafts together using GROW questions
3. For each goal, agree an action plan, the support needed and a mid-point review date
4. Record the agreed goals on the goal sheet (or as goals in this system) and have the member confirm them

## Sign-off criteria for the leader's manager

- Every goal meets all five SMART criteria (a third party could judge whether it was achieved)
- The link to the team goals can be explained
- The member drafted the goals and the leader supported with questions (you may ask the member)
- A mid-point review date is set

Point out anything missing and sign off once it has been corrected.`,
        },
      },
      {
        id: 'leadership-workshop',
        kind: 'session',
        title: { ja: '集合研修：1on1とフィードバックのロールプレイ', en: 'Workshop: one-on-one and feedback role-play' },
        estimatedMinutes: 40,
        skillTags: ['リーダーシップ', 'コーチング', 'コミュニケーション'],
        format: 'in_person',
        startsAt: null,
        place: null,
      },
    ],
  },

  // ───────────────────────────── 管理職研修 ─────────────────────────────
  {
    title: { ja: '管理職研修', en: 'Manager training' },
    description: {
      ja: '新任・現任の管理職向け。公正な評価とフィードバック、労務管理の基本、ハラスメント防止、戦略と予算の考え方を学び、チームの勤怠点検（OJT）とオンラインのケーススタディで実践します。',
      en: "For new and current managers: fair evaluation and feedback, labour management basics, harassment prevention, and strategy and budgets, put into practice through a review of your team's working hours and an online case study.",
    },
    level: 'manager',
    audience: { levels: ['manager'] },
    modules: [
      {
        id: 'evaluation-feedback',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '評価とフィードバック', en: 'Evaluation and feedback' },
        estimatedMinutes: 25,
        skillTags: ['マネジメント', 'コーチング'],
        body: {
          ja: `## 公正な評価の基本

- 期初に合意した目標と評価基準に照らして評価する
- 印象ではなく、期間全体の**事実（行動と成果）**を記録しておく
- 評価の理由を、本人に根拠とともに説明できるようにする

## 注意すべき評価エラー

- **ハロー効果**：目立つ一つの長所や短所に、全体の評価が引きずられる
- **中心化傾向**：差をつけることを避け、評価が「普通」に集まる
- **寛大化傾向**：全体に甘い評価になる
- **期末誤差（近接誤差）**：評価の直前の出来事だけで判断する
- **対比誤差**：自分自身を基準にして評価する

## フィードバック：SBIモデル

- **S**ituation（状況）：いつ、どこで
- **B**ehavior（行動）：何をしたか（人柄ではなく行動）
- **I**mpact（影響）：その結果どうなったか

## 具体例

「先週の顧客向け提案会で（S）、質問にデータを示しながら答えてくれたね（B）。先方の部長が納得して、見積依頼につながったよ（I）」

改善点を伝えるときも同じ形で伝え、最後に「次はどうしたらよいと思う？」と問いかけます。

## チェックリスト

- [ ] 評価期間中の事実を、月に1回は記録している
- [ ] 評価の理由を目標や基準と結びつけて説明できる
- [ ] フィードバックが人柄ではなく行動に向いている`,
          en: `## Fair evaluation

- Rate against the goals and criteria agreed at the start of the period
- Keep a record of **facts (behaviour and results)** across the whole period, not impressions
- Be able to explain each rating, with evidence

## Rating errors to avoid

- **Halo effect**: one striking strength or weakness colours everything
- **Central tendency**: avoiding differences, so everyone is "average"
- **Leniency**: rating everyone too generously
- **Recency**: judging only on the last few weeks
- **Contrast error**: using yourself as the yardstick

## Feedback: the SBI model

- **Situation**: when and where
- **Behaviour**: what they did (actions, not personality)
- **Impact**: what resulted

## Example

"At last week's client proposal (S), you answered questions by showing the data (B). Their director was convinced and asked us for a quote (I)."

Use the same form for points to improve, and end with "What would you do next time?"

## Checklist

- [ ] I note facts at least monthly
- [ ] I link each rating to goals and criteria
- [ ] My feedback is about actions, not personality`,
        },
      },
      {
        id: 'labour-management',
        kind: 'lesson',
        completion: { rule: 'viewed', minutes: 12 },
        title: { ja: '労務管理の基本', en: 'Labour management basics' },
        estimatedMinutes: 25,
        skillTags: ['コンプライアンス', 'マネジメント'],
        body: {
          ja: `## 労働時間の把握

- 部下の労働時間は、勤怠システムやPCのログなど**客観的な方法で把握**する（労働安全衛生法上の義務）
- 自己申告と実態にずれがないか定期的に確かめる。持ち帰り残業やサービス残業を黙認しない

## 時間外労働の上限（労働基準法・36協定）

- 原則：**月45時間・年360時間**
- 特別条項があっても：年720時間以内、時間外労働と休日労働の合計が月100時間未満、2〜6か月の平均がいずれも80時間以内、月45時間を超えられるのは年6か月まで
- 実際の上限は、自社の36協定で定めた時間（法定の範囲内）

## 年次有給休暇

- 年10日以上付与される社員には、そのうち**年5日を確実に取得させる**義務がある
- 取得したことを理由に不利益な扱いをしない

## 健康への配慮

長時間労働が続く社員には業務量を調整し、必要に応じて産業医の面談につなげます。体調や様子の変化に気づいたら早めに声をかけ、人事と連携します。

## 具体例

月の半ばに勤怠を確認すると、残業がすでに30時間のメンバーがいた。→業務の優先順位を見直し、一部を他のメンバーに割り振って、月45時間を超えないようにする。

## チェックリスト

- [ ] 部下の勤怠を少なくとも週1回確認している
- [ ] 自社の36協定の上限時間を知っている
- [ ] 部下の有給休暇の取得状況を把握している`,
          en: `## Track working hours

- Record your team's hours **objectively** — attendance system, PC logs (a legal duty)
- Check regularly that self-reported hours match reality; never tolerate unpaid or take-home overtime

## Overtime limits (Labour Standards Act, Article 36 agreement)

- Standard: **45 hours a month, 360 a year**
- Even under special clauses: 720 a year; overtime plus holiday work under 100 in any month and at most 80 on average over any 2–6 months; over 45 in no more than six months a year
- Your real limit is the one in your company's agreement

## Annual paid leave

- Staff granted 10 or more days a year **must take at least 5** of them
- Never treat anyone unfavourably for taking leave

## Health

For staff with long hours, reduce the workload and, if needed, arrange a meeting with the occupational physician. Speak up early if you notice changes, and work with HR.

## Example

Mid-month, one member already has 30 hours of overtime. Reprioritise and hand some work to others so they stay under 45.

## Checklist

- [ ] I check attendance weekly
- [ ] I know our agreement's limits
- [ ] I know each member's leave taken`,
        },
      },
      {
        id: 'harassment-prevention',
        kind: 'lesson',
        completion: { rule: 'viewed', minutes: 10 },
        title: { ja: 'ハラスメント防止', en: 'Preventing harassment' },
        estimatedMinutes: 20,
        skillTags: ['コンプライアンス', 'マネジメント'],
        body: {
          ja: `## パワーハラスメントの3要素

職場のパワハラは、次の3つをすべて満たすものです（労働施策総合推進法）。
1. 優越的な関係を背景とした言動
2. 業務上必要かつ相当な範囲を超えたもの
3. 労働者の就業環境が害されるもの

業務上必要かつ適正な範囲の指示や指導は、パワハラにはあたりません。

## 典型的な6類型

身体的な攻撃／精神的な攻撃（人格の否定、人前での威圧的な叱責）／人間関係からの切り離し／過大な要求／過小な要求／個の侵害（私的なことへの過度な立ち入り）

## その他のハラスメント

セクシュアルハラスメント、妊娠・出産・育児休業などに関するハラスメントも、事業主に防止措置が義務づけられています。

## 管理職の役割

- 自分の言動を見直す：指導は人格ではなく行動に対して行い、1対1で伝える
- 相談を受けたら：否定せずに最後まで聴き、事実を記録し、本人の意向を確認して人事や相談窓口と連携する
- 相談したことを理由に不利益な扱いをしない。プライバシーを守る

## 具体例

×「何度言ったら分かるんだ。君はこの仕事に向いていない」（人格の否定）
○「この報告書は数字の出典が抜けていた。次回からは提出前にチェックリストで確認してほしい」

## チェックリスト

- [ ] 人前で叱責していない
- [ ] 社内の相談窓口を部下に案内できる
- [ ] 相談を受けたときの連携先を知っている`,
          en: `## Three elements of power harassment

Under Japanese law, workplace power harassment meets all three:
1. Conduct based on a superior position
2. Beyond what is necessary and appropriate for the work
3. Harms the employee's working environment

Reasonable instructions and guidance are not harassment.

## Six typical types

Physical attacks; mental attacks (insults, public reprimands); isolation; excessive demands; demeaning under-assignment; intrusion into private life.

## Other harassment

Employers must also prevent sexual harassment and harassment over pregnancy or childcare leave.

## The manager's role

- Check your own conduct: address behaviour, not personality, and do it one-to-one
- When consulted: listen to the end, record the facts, confirm their wishes and involve HR or the helpline
- Never penalise anyone for speaking up; protect their privacy

## Example

Wrong: "How many times must I tell you? You're not cut out for this."
Right: "This report was missing the sources of its figures. Please use the checklist before submitting."

## Checklist

- [ ] I never reprimand people in public
- [ ] I can point staff to the helpline
- [ ] I know whom to involve when consulted`,
        },
      },
      {
        id: 'strategy-budget',
        kind: 'lesson',
        completion: { rule: 'read_to_end' },
        title: { ja: '戦略と予算の基本', en: 'Strategy and budgets' },
        estimatedMinutes: 25,
        skillTags: ['会計・財務の基礎', 'マネジメント'],
        body: {
          ja: `## 戦略から予算へ

全社戦略→部門方針→チームの重点施策→KPI→予算、の順につながっています。予算は「戦略を数字で表した計画」であり、施策の優先順位を反映させます。

## 予算の主な構成

- **売上**：数量×単価で見積もる
- **変動費**：売上に比例して増える費用（仕入、外注費など）
- **固定費**：売上に関係なくかかる費用（人件費、家賃、システム利用料など）
- **営業利益**＝売上−変動費−固定費

## 損益分岐点

利益がゼロになる売上高です。
損益分岐点売上高＝固定費÷（1−変動費率）
例：固定費600万円、変動費率40％なら、600万円÷0.6＝**1,000万円**

## 予実管理

- 毎月、予算と実績を比べ、差異の原因を「数量」と「単価」に分けて分析する
- 一時的な差異か構造的な差異かを見極め、期末の着地見込みを更新する
- 大きな差異は早めに上長へ報告し、対策とあわせて示す

## 具体例

売上が予算比で10％少ない。分析すると、受注件数は予算どおりで、値引きにより平均単価が10％下がっていた。→値引きの承認ルールを見直す。

## チェックリスト

- [ ] 自部門の施策と予算項目の対応を説明できる
- [ ] 毎月、差異の原因を分析している
- [ ] 着地見込みを更新している`,
          en: `## From strategy to budget

Company strategy → department policy → team priorities → KPIs → budget. A budget is strategy expressed in numbers, so it should reflect your priorities.

## Main budget lines

- **Sales**: estimated as volume × unit price
- **Variable costs**: rise with sales (purchases, outsourcing)
- **Fixed costs**: do not depend on sales (salaries, rent, system fees)
- **Operating profit** = sales − variable costs − fixed costs

## Break-even point

The sales at which profit is zero:
Break-even sales = fixed costs ÷ (1 − variable cost ratio)
E.g. fixed costs of ¥6 million and a 40% variable cost ratio: 6 ÷ 0.6 = **¥10 million**

## Budget vs. actual

- Monthly, compare budget and actual and split each variance into volume and price
- Decide whether it is one-off or structural, and update the year-end forecast
- Report large variances early, with countermeasures

## Example

Sales are 10% under budget. Order volume is on plan, but discounts cut the average price by 10% → review who may approve discounts.

## Checklist

- [ ] I can map our initiatives to budget lines
- [ ] I analyse variances monthly
- [ ] I keep the forecast up to date`,
        },
      },
      {
        id: 'manager-quiz',
        kind: 'quiz',
        title: { ja: '確認テスト：管理職の基本', en: 'Check quiz: management essentials' },
        estimatedMinutes: 15,
        skillTags: ['コンプライアンス', 'コミュニケーション', '論理的思考'],
        template: catalogQuiz([
          { skill: 'コンプライアンス', count: 3 },
          { skill: 'コミュニケーション', count: 2 },
          { skill: '論理的思考', count: 1 },
        ]),
      },
      {
        id: 'team-hours-review',
        kind: 'ojt',
        title: { ja: 'チームの勤怠・休暇の点検', en: "Review your team's hours and leave" },
        estimatedMinutes: 40,
        skillTags: ['コンプライアンス', 'マネジメント'],
        instructions: {
          ja: `## 課題

直近1か月分の、チーム全員の勤怠データを点検し、結果と対策を上長（部門長）に報告してください。

## 手順

1. 勤怠システムから、各メンバーの時間外労働・休日労働の時間と、年次有給休暇の取得日数を抽出する
2. 少なくとも2名分について、PCのログオン・ログオフの記録と勤怠の打刻を突き合わせる
3. 次に当てはまるメンバーを洗い出す：時間外労働が月45時間を超えた（または超える見込み）、年5日の有給休暇の取得が期限までに難しい見込み、打刻とログに30分以上のずれがある日がある
4. 該当者ごとに、原因と対策（業務の再配分、休暇の取得計画など）と期限を書く
5. A4 1枚にまとめ、上長に報告する

## 上長（部門長）の完了基準

- 全員分の時間外・休日労働と有給休暇の取得状況が確認されている
- 客観的な記録との突き合わせが行われている
- 上限を超えるおそれのある社員に、具体的な対策と期限がある
- 個人の勤怠情報を必要な範囲でだけ共有している`,
          en: `## Task

Review the last month of attendance data for your whole team and report the findings and actions to your own manager (head of department).

## Steps

1. From the attendance system, extract each member's overtime and holiday-work hours and the paid leave days taken
2. For at least two members, compare PC log-on/log-off records with their clock-in and clock-out times
3. List anyone who: exceeded (or will exceed) 45 hours of overtime in the month; is unlikely to take five days of paid leave by the deadline; has days where clock times and logs differ by 30 minutes or more
4. For each, write the cause, the action (redistributing work, a leave plan, …) and a deadline
5. Summarise on one A4 page and report to your manager

## Sign-off criteria for the head of department

- Overtime, holiday work and paid leave were checked for every member
- Clock times were compared with objective records
- Everyone at risk of exceeding the limits has a concrete action and a deadline
- Individual attendance data was shared only as far as needed`,
        },
      },
      {
        id: 'harassment-case-study',
        kind: 'session',
        title: { ja: 'オンライン研修：ハラスメント事例検討', en: 'Online session: harassment case study' },
        estimatedMinutes: 40,
        skillTags: ['コンプライアンス', 'マネジメント', 'コミュニケーション'],
        format: 'online',
        startsAt: null,
        place: null,
      },
    ],
  },
];
