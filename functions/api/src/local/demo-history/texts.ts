import type { Random } from './random.js';

/** What people write in the demo history: goals per skill, reflections and mentors' comments. */

const GOALS: Record<string, { title: string; description: string; reason: string }> = {
  teamwork: {
    title: 'チーム内の情報共有を自分から進める',
    description: '週次ミーティングで担当案件の進捗と困りごとを毎回共有し、他メンバーの依頼には当日中に返信する',
    reason: 'チームの手戻りを減らし、繁忙期でも締め切りを守れるようにするため',
  },
  'problem-solving': {
    title: '業務課題を原因から考えて改善案を出す',
    description: '月に1件、担当業務の課題をなぜなぜ分析で整理し、改善案を上長に提案して実行まで進める',
    reason: '同じミスや問い合わせの繰り返しを減らし、自分の業務時間を生み出すため',
  },
  'finance-basics': {
    title: '担当案件の損益を数字で説明できるようになる',
    description: '毎月の案件別の売上・原価・粗利を自分で計算し、上長との1on1で前月との差を説明する',
    reason: '値引きや追加作業の判断を数字で行い、利益の出る提案をするため',
  },
  leadership: {
    title: 'チームの目標を言葉にして全員で共有する',
    description: '四半期の目標と優先順位を1枚にまとめて朝会で説明し、月初に達成状況をメンバーと振り返る',
    reason: 'メンバーが自分で判断して動けるチームにするため',
  },
  coaching: {
    title: '後輩との1on1で問いかけ中心の対話をする',
    description: '担当する後輩と隔週30分の1on1を行い、答えを教える前に質問で考えを引き出す',
    reason: '後輩が自分で課題を解決できるようになり、育成にかかる時間を減らすため',
  },
  'people-management': {
    title: 'メンバー全員の育成計画を作り定期的に見直す',
    description: 'メンバーごとに半期の育成計画を作成し、月1回の面談で進み具合を確認して計画を更新する',
    reason: '部署のスキルの偏りをなくし、異動や退職があっても業務が止まらないようにするため',
  },
};

export function goalText(skillId: string, target: number): { title: string; description: string; reason: string } {
  const text = GOALS[skillId] ?? GOALS.teamwork!;
  return { ...text, description: `${text.description}（習熟度${target}を目指す）` };
}

const REFLECTIONS: readonly (readonly string[])[] = [
  [
    '研修で学んだ報連相を意識して、毎日夕方に上長へ進捗を報告するようにしました。まだ相談のタイミングが遅れることがあります。',
    '最初の1か月は覚えることが多く大変でしたが、確認テストの見直しで理解が深まりました。電話応対はまだ緊張します。',
    '情報セキュリティの基本を学び、画面ロックと机の上の書類の片付けを習慣にできました。',
  ],
  [
    '先月より作業の段取りがよくなり、締め切りの前日には見直しの時間を取れるようになりました。',
    'メールの書き方を先輩に見てもらい、結論を先に書くことを意識しています。返信までの時間も短くなりました。',
    '確認テストの点数が上がり、苦手だったExcelの関数も業務で使えるようになってきました。',
  ],
  [
    '3か月を振り返ると、一人で対応できる業務が増えました。次は後輩に教えられるレベルを目指します。',
    'お客様との打ち合わせで議事録を任されるようになりました。論理的に要点をまとめる練習を続けます。',
    '目標にしていた資料作成を期限内に終えられました。次の四半期は改善提案にも挑戦したいです。',
  ],
];

const COMMENTS: readonly (readonly string[])[] = [
  [
    '毎日の報告が習慣になってきましたね。困ったときは早めに相談してもらえると助かります。',
    '最初の1か月、よく頑張りました。電話応対は一緒にロールプレイをしましょう。',
  ],
  [
    '段取りの改善がはっきり見えます。この調子で見直しの時間を確保していきましょう。',
    'メールがとても読みやすくなりました。次は提案の根拠を数字で示すことに挑戦してみてください。',
  ],
  [
    '3か月で大きく成長しました。次の四半期は小さな案件を一人で任せたいと考えています。',
    '着実に力がついています。改善提案は次回の面談で一緒に整理しましょう。',
  ],
];

/** A learner's reflection for their n-th check-in (0, 1, 2: a month apart). */
export const reflectionText = (r: Random, n: number): string => r.pick(REFLECTIONS[Math.min(n, REFLECTIONS.length - 1)]!);

/** The mentor's comment on the n-th check-in. */
export const checkInComment = (r: Random, n: number): string => r.pick(COMMENTS[Math.min(n, COMMENTS.length - 1)]!);
