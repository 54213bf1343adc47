/**
 * The package HR creates two months into the demo history and assigns to the whole company: the
 * yearly refresher on information security and compliance (two short lessons and a check quiz
 * drawn from the catalog bank, whose reference `bankRef` is `catalog:<id>`).
 */
export function annualPackage(fiscalYear: string, bankRef: string) {
  return {
    title: {
      ja: `${fiscalYear}年度 情報セキュリティ・コンプライアンス研修`,
      en: `FY${fiscalYear} information security and compliance refresher`,
    },
    description: {
      ja: '全社員が毎年受講する研修です。最近の事例で注意点を確認し、確認テストで理解度を測ります。',
      en: 'The yearly refresher for every employee: recent cases, what to watch for, and a check quiz.',
    },
    level: 'junior',
    modules: [
      {
        id: 'security-cases',
        kind: 'lesson',
        title: { ja: '最近の情報漏えい事例と対策', en: 'Recent data leaks and how to prevent them' },
        estimatedMinutes: 10,
        skillTags: ['情報セキュリティ'],
        completion: { rule: 'read_to_end' },
        body: {
          ja: `## よくある3つの原因\n\n1. **メールの誤送信**：宛先のオートコンプリートで別の取引先に送ってしまう\n2. **持ち出した端末の紛失**：鍵をかけずにノートPCを車内に置く\n3. **なりすましメール**：請求書の振込先変更を装ったメールに返信する\n\n## 今日からできること\n\n- 社外宛てのメールは送信前に宛先と添付をもう一度確認する\n- 端末は画面ロックと暗号化を必ず設定する\n- 振込先の変更依頼は、電話など別の手段で本人に確認する`,
          en: `## Three common causes\n\n1. **Misdirected email**: autocomplete picks another client\n2. **Lost devices**: a laptop left unlocked in a car\n3. **Impersonation**: replying to a fake request to change bank details\n\n## What to do from today\n\n- Check recipients and attachments once more before sending outside the company\n- Always use screen lock and disk encryption\n- Confirm any change of bank details with the person through another channel`,
        },
      },
      {
        id: 'compliance-update',
        kind: 'lesson',
        title: { ja: 'コンプライアンスの基本を振り返る', en: 'Compliance basics revisited' },
        estimatedMinutes: 10,
        skillTags: ['コンプライアンス'],
        completion: { rule: 'read_to_end' },
        body: {
          ja: `## 迷ったときの3つの問い\n\n- 家族や取引先に胸を張って説明できるか\n- 社内規程や法令に反していないか\n- 自分だけで判断せず、上長や相談窓口に確認したか\n\n## 相談窓口\n\nハラスメントや不正の疑いに気づいたら、上長または社内の相談窓口に相談してください。相談したことで不利益を受けることはありません。`,
          en: `## Three questions when in doubt\n\n- Could you explain it proudly to your family or a client?\n- Does it break a company rule or the law?\n- Did you check with your manager or the helpline instead of deciding alone?\n\n## Helpline\n\nIf you notice harassment or suspected misconduct, talk to your manager or the company helpline. Nobody is disadvantaged for raising a concern.`,
        },
      },
      {
        id: 'annual-quiz',
        kind: 'quiz',
        title: { ja: '確認テスト：情報セキュリティとコンプライアンス', en: 'Check quiz: information security and compliance' },
        estimatedMinutes: 10,
        skillTags: ['情報セキュリティ', 'コンプライアンス'],
        template: {
          bankIds: [bankRef],
          draws: [
            { skill: '情報セキュリティ', count: 3 },
            { skill: 'コンプライアンス', count: 3 },
          ],
          passMark: 60,
          timeLimitMinutes: 15,
        },
      },
    ],
  };
}
