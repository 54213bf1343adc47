/**
 * The demo vendor's own content (みらいラーニング): a small bank on telephone and visitor manners and
 * a package built on it, offered read-only to the vendor's client companies.
 */
const choice = (
  stem: [string, string],
  options: [string, string][],
  correct: string,
  explanation: [string, string],
  difficultyPrior: number,
) => ({
  type: 'single_choice',
  stem: { ja: stem[0], en: stem[1] },
  options: options.map(([ja, en], i) => ({ id: 'abcd'[i]!, text: { ja, en } })),
  correctOptionIds: [correct],
  explanation: { ja: explanation[0], en: explanation[1] },
  skillTags: ['ビジネス基礎'],
  level: 'new_hire',
  difficultyPrior,
  status: 'published',
});

export const VENDOR_BANK_NAME = 'みらいラーニング 電話・来客応対';

export const VENDOR_QUESTIONS = [
  choice(
    [
      '会社の代表電話が鳴った。最初に名乗るときの言い方として最も適切なものはどれか。',
      'The main company line rings. What is the best way to answer?',
    ],
    [
      ['「はい、もしもし」', '"Yes, hello?"'],
      ['「お電話ありがとうございます。〇〇株式会社、△△でございます」', '"Thank you for calling. This is △△ of 〇〇 Co., Ltd."'],
      ['「〇〇です。どちら様ですか」', '"〇〇 here. Who is this?"'],
    ],
    'b',
    [
      '代表電話では会社名と自分の名前をはっきり名乗ります。「もしもし」は私的な電話の言い方で、ビジネスでは使いません。',
      'On the main line, state the company name and your own name clearly. "Hello?" is for private calls and is not used in business.',
    ],
    -1.5,
  ),
  choice(
    [
      '取り次ぐ相手が会議中で電話に出られない。最も適切な対応はどれか。',
      'The person the caller wants is in a meeting. What should you do?',
    ],
    [
      ['「会議中です」とだけ伝えて電話を切る', 'Say "they are in a meeting" and hang up'],
      [
        '不在を詫び、戻り時刻の目安を伝え、折り返しか伝言かを相手に確認する',
        'Apologise, give an idea of when they will be back, and ask whether to call back or take a message',
      ],
      ['会議室まで呼びに行き、会議を中断してもらう', 'Fetch them from the meeting room'],
    ],
    'b',
    [
      '不在の理由は簡潔に伝え、戻り時刻の目安と、折り返し・伝言のどちらを希望するかを確認します。伝言は復唱して正確に残します。',
      'Keep the reason short, give an idea of the return time and ask whether the caller wants a call back or to leave a message; read the message back to get it right.',
    ],
    -1,
  ),
  choice(
    [
      '来客を応接室へ案内するとき、案内する人が歩く位置として適切なのはどれか。',
      'When showing a visitor to the meeting room, where should you walk?',
    ],
    [
      ['来客の2〜3歩斜め前', 'Two or three steps ahead of the visitor, slightly to the side'],
      ['来客のすぐ後ろ', 'Right behind the visitor'],
      ['来客と横に並んで', 'Side by side with the visitor'],
    ],
    'a',
    [
      '来客の2〜3歩斜め前を、相手の歩調に合わせて歩き、曲がり角では方向を手で示します。',
      'Walk two or three steps ahead and slightly to the side, at the visitor’s pace, and show the way with your hand at each turn.',
    ],
    -0.5,
  ),
  choice(
    ['応接室で来客に勧める席（上座）はどこか。', 'In a meeting room, which seat do you offer the visitor (the seat of honour)?'],
    [
      ['入口に最も近い席', 'The seat nearest the door'],
      ['入口から最も遠い席', 'The seat furthest from the door'],
      ['窓を背にしない席ならどこでもよい', 'Any seat that does not face away from the window'],
    ],
    'b',
    [
      '一般に入口から最も遠い席が上座で、来客に勧めます。入口に近い席は下座で、案内した側が座ります。',
      'The seat furthest from the door is generally the seat of honour and is offered to the visitor; the host takes the seat nearest the door.',
    ],
    0,
  ),
];

/** The vendor's package (its quiz is a template on the vendor's bank, `vendor:<bankId>`). */
export const vendorPackage = (bankId: string) => ({
  title: { ja: 'みらいラーニング 電話・来客応対パック', en: 'Mirai Learning: phone and visitor manners' },
  description: {
    ja: '新入社員が最初に任される電話と来客の応対を、短い講義と確認テストで身につけます。',
    en: 'The phone and visitor manners new employees are first trusted with: a short lesson and a check.',
  },
  level: 'new_hire',
  audience: { levels: ['new_hire'] },
  modules: [
    {
      id: 'manners',
      kind: 'lesson',
      completion: { rule: 'read_to_end' },
      title: { ja: '電話と来客応対の基本', en: 'Phone and visitor basics' },
      estimatedMinutes: 15,
      skillTags: ['ビジネス基礎'],
      body: {
        ja: '## 電話\n- 会社名と名前を名乗る\n- 不在時は戻りの目安と、折り返しか伝言かを確認する\n\n## 来客\n- 2〜3歩斜め前を歩いて案内する\n- 入口から遠い席（上座）を勧める',
        en: '## Phone\n- Give the company name and your name\n- When someone is out, give a return time and offer a call back or a message\n\n## Visitors\n- Walk two or three steps ahead, slightly to the side\n- Offer the seat furthest from the door',
      },
    },
    {
      id: 'check',
      kind: 'quiz',
      title: { ja: '電話・来客応対 確認テスト', en: 'Phone and visitor check' },
      estimatedMinutes: 10,
      skillTags: ['ビジネス基礎'],
      template: { bankIds: [`vendor:${bankId}`], draws: [{ skill: 'ビジネス基礎', count: 3 }], passMark: 60, timeLimitMinutes: null },
    },
  ],
});
