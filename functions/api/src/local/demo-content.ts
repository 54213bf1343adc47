import type { QuestionInput } from '@manabi/questions';

/**
 * Demo question bank for the local demo company: 48 published questions for new employees and
 * junior staff, 8 per skill tag, each in Japanese and English. difficultyPrior is on the logit
 * scale (about -2 easy … +2 hard); irt is derived from it by the schema.
 */
export const DEMO_QUESTIONS: QuestionInput[] = [
  // ───────────────────────────── ビジネス基礎 ─────────────────────────────
  {
    type: 'short_text',
    stem: {
      ja: '上司・同僚との情報共有の基本とされる「報告・連絡・相談」は、それぞれの頭文字をとって一般に何と呼ばれるか。',
      en: 'The basic habit of sharing information with your manager and colleagues — 報告 (reporting), 連絡 (informing) and 相談 (consulting) — is commonly known by a name formed from the first character of each word. What is it? (Answer in Japanese or romaji.)',
    },
    accepted: ['報連相', 'ほうれんそう', 'ホウレンソウ', 'ほうれん草', 'ホウレン草', 'horenso', 'hourensou', 'ho-ren-so', 'hou-ren-sou'],
    explanation: {
      ja: '「報連相（ほうれんそう）」は報告・連絡・相談の略で、野菜のほうれん草にかけた呼び名です。こまめな報連相により上司やチームが状況を把握でき、ミスやトラブルを早い段階で防げます。',
      en: '"Hōrensō" abbreviates reporting, informing and consulting, and is a pun on the word for spinach. Regular hōrensō keeps your manager and team informed, so mistakes and problems are caught early.',
    },
    skillTags: ['ビジネス基礎'],
    level: 'pre_hire',
    difficultyPrior: -2.0,
    status: 'published',
  },
  {
    type: 'true_false',
    stem: {
      ja: '名刺交換では、目下の人や訪問した側から先に名刺を差し出すのが基本のマナーである。',
      en: 'In a business card exchange, the junior person or the visiting party normally offers their card first.',
    },
    answer: true,
    explanation: {
      ja: '名刺は目下の人・訪問した側から先に、相手が読める向きにして両手で差し出すのが基本です。受け取った名刺は、商談中は名刺入れの上に載せて机に置いておきます。',
      en: 'Cards are offered first by the junior person or the visitor, held with both hands and turned so the recipient can read them. During the meeting, keep received cards on top of your card case on the table.',
    },
    skillTags: ['ビジネス基礎'],
    level: 'new_hire',
    difficultyPrior: -1.5,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '上司から頼まれた資料作成が、想定外の作業が発生したため期限に間に合わないおそれが出てきた。最も適切な対応はどれか。',
      en: 'Because of unexpected extra work, a document your manager asked for may not be ready by the deadline. What is the best thing to do?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '期限まではできる限り作業を続け、間に合わなかった時点で事情を説明して謝罪する',
          en: 'Keep working as hard as you can, and explain and apologise if you end up missing the deadline',
        },
      },
      {
        id: 'b',
        text: {
          ja: '間に合わないおそれに気づいた時点で上司に報告し、現状・見通し・対応案を伝えて相談する',
          en: 'Tell your manager as soon as you see the risk, explain the current status, outlook and options, and agree what to do',
        },
      },
      {
        id: 'c',
        text: {
          ja: '上司に心配をかけないよう、同期に手伝ってもらって黙って仕上げる',
          en: "Quietly finish it with a peer's help so as not to worry your manager",
        },
      },
      {
        id: 'd',
        text: {
          ja: '期限を守ることを最優先し、確認を省いて未完成の部分があるまま何も言わずに提出する',
          en: 'Put the deadline first: skip the checks and hand it in with parts unfinished, without comment',
        },
      },
    ],
    correctOptionIds: ['b'],
    explanation: {
      ja: '悪い情報ほど早く報告するのが報連相の基本です。早く分かれば、上司は期限の調整や応援の手配など、打てる手が多くなります。',
      en: 'Bad news should be reported early: the sooner your manager knows, the more options there are, such as moving the deadline or arranging help.',
    },
    skillTags: ['ビジネス基礎'],
    level: 'new_hire',
    difficultyPrior: -0.8,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '自分が進行役（ファシリテーター）を務める会議の終わりに、必ず行うべきこととして最も適切なものはどれか。',
      en: 'You are facilitating a meeting. What is the most important thing to do before it ends?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '参加者全員に、会議の感想を一言ずつ述べてもらう',
          en: 'Ask every participant for a one-line impression of the meeting',
        },
      },
      {
        id: 'b',
        text: {
          ja: '議論がまとまらなかった論点は、その場で多数決をとって決める',
          en: 'Settle any unresolved issue on the spot by majority vote',
        },
      },
      {
        id: 'c',
        text: {
          ja: '次回の開催日時だけを確認して、時間どおりに解散する',
          en: 'Confirm only the date of the next meeting and close on time',
        },
      },
      {
        id: 'd',
        text: {
          ja: '決定事項と、次のアクション（誰が・何を・いつまでに）を全員で確認する',
          en: 'Confirm with everyone what was decided and the next actions (who does what by when)',
        },
      },
    ],
    correctOptionIds: ['d'],
    explanation: {
      ja: '決定事項とアクション（担当者・期限）を最後に確認しないと、認識のずれや「誰もやらない」状態が生じます。確認した内容は議事録にも残します。',
      en: 'Without a final check of decisions and of actions with owners and deadlines, people leave with different understandings and tasks fall through the cracks. Record them in the minutes as well.',
    },
    skillTags: ['ビジネス基礎'],
    level: 'new_hire',
    difficultyPrior: -0.3,
    status: 'published',
  },
  {
    type: 'ordering',
    stem: {
      ja: '社外の取引先に送るビジネスメールの本文を、上から書く順に並べなさい。',
      en: 'Put the parts of a business email to an external client in order, from top to bottom.',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '結びの挨拶（「引き続きよろしくお願いいたします。」）',
          en: 'Closing line ("引き続きよろしくお願いいたします。" — we look forward to continuing to work with you)',
        },
      },
      {
        id: 'b',
        text: {
          ja: '宛名（「株式会社○○ 営業部 田中様」）',
          en: 'Addressee ("株式会社○○ 営業部 田中様" — company, department and name with 様)',
        },
      },
      { id: 'c', text: { ja: '署名（氏名・会社名・部署・連絡先）', en: 'Signature (name, company, department, contact details)' } },
      {
        id: 'd',
        text: { ja: '名乗り（「△△株式会社の鈴木です。」）', en: 'Self-introduction ("△△株式会社の鈴木です。" — this is Suzuki of △△)' },
      },
      { id: 'e', text: { ja: '用件（本題）', en: 'The main message' } },
      {
        id: 'f',
        text: {
          ja: '冒頭の挨拶（「いつもお世話になっております。」）',
          en: 'Opening greeting ("いつもお世話になっております。" — thank you for your continued support)',
        },
      },
    ],
    order: ['b', 'f', 'd', 'e', 'a', 'c'],
    explanation: {
      ja: 'ビジネスメールは「宛名→挨拶→名乗り→用件→結びの挨拶→署名」が基本の型です。型に沿って書くと、相手は誰から何の用件かをすぐに把握できます。',
      en: 'The standard pattern is addressee → greeting → self-introduction → message → closing → signature. Following it lets the reader see at once who is writing and why.',
    },
    skillTags: ['ビジネス基礎'],
    level: 'new_hire',
    difficultyPrior: 0.3,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '取引先から電話があり、「鈴木課長はいらっしゃいますか」と聞かれた。自社の鈴木課長は外出中である。最も適切な応対はどれか。',
      en: 'A client phones and asks, "Is Section Manager Suzuki there?" Your manager, Suzuki, is out. What is the most appropriate reply?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '「申し訳ございません。鈴木はただいま外出しております。」',
          en: '"I\'m sorry, Suzuki is out at the moment." (鈴木はただいま外出しております: no title, humble form)',
        },
      },
      {
        id: 'b',
        text: {
          ja: '「鈴木課長は、ただいまいらっしゃいません。」',
          en: '"Section Manager Suzuki is not in right now." (鈴木課長は…いらっしゃいません: title and respectful verb)',
        },
      },
      {
        id: 'c',
        text: {
          ja: '「申し訳ございません。鈴木課長はただいま外出されています。」',
          en: '"I\'m sorry, Section Manager Suzuki has gone out." (鈴木課長は…外出されています: title and respectful form)',
        },
      },
      {
        id: 'd',
        text: {
          ja: '「すみません、鈴木さんは今、外に出ています。」',
          en: '"Sorry, Suzuki-san is out now." (鈴木さん: honorific さん, casual tone)',
        },
      },
    ],
    correctOptionIds: ['a'],
    explanation: {
      ja: '社外の人に対しては、自社の人は上司であっても身内として扱い、役職名や「さん」を付けずに呼び、「おります」などの謙譲語（丁重語）を使います。',
      en: 'When speaking to people outside the company, colleagues — even your own manager — are treated as insiders: no title or さん, and humble forms such as おります rather than respectful ones.',
    },
    skillTags: ['ビジネス基礎'],
    level: 'new_hire',
    difficultyPrior: 0.8,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '上司、取引先の担当者、あなた（新入社員）の3人で、運転手付きのタクシーに乗る。あなたが座るべき席はどこか。',
      en: 'You (a new employee), your manager and a client contact are taking a taxi together. Where should you sit?',
    },
    options: [
      { id: 'a', text: { ja: '後部座席の中央', en: 'Back seat, middle' } },
      { id: 'b', text: { ja: '運転席の真後ろ', en: 'Back seat, directly behind the driver' } },
      { id: 'c', text: { ja: '助手席', en: 'Front passenger seat' } },
      { id: 'd', text: { ja: '助手席の真後ろ', en: 'Back seat, behind the front passenger seat' } },
    ],
    correctOptionIds: ['c'],
    feedback: {
      incorrect: {
        ja: 'タクシーの席次は、上座から「運転席の後ろ→助手席の後ろ→後部座席の中央→助手席」の順です。',
        en: 'Taxi seating from highest to lowest: behind the driver → behind the front passenger seat → back middle → front passenger seat.',
      },
    },
    explanation: {
      ja: 'タクシーでは運転席の真後ろが上座で、助手席が下座です。助手席の人は行き先の案内や支払いを担当します。なお、取引先や上司が運転する自家用車では助手席が上座になるので注意しましょう。',
      en: 'In a taxi the seat behind the driver is the seat of honour and the front passenger seat is the lowest, since whoever sits there gives directions and pays. Note that in a car driven by a client or your manager, the front passenger seat becomes the seat of honour.',
    },
    skillTags: ['ビジネス基礎'],
    level: 'new_hire',
    difficultyPrior: 1.4,
    status: 'published',
  },
  {
    type: 'multiple_response',
    stem: {
      ja: '取引先の部長の動作を表す言葉として、正しい敬語をすべて選びなさい。',
      en: "Select every correctly formed honorific expression for an action by a client's department head.",
    },
    options: [
      { id: 'a', text: { ja: 'おっしゃる（言う）', en: 'おっしゃる (to say)' } },
      { id: 'b', text: { ja: '拝見される（見る）', en: '拝見される (to see)' } },
      { id: 'c', text: { ja: 'ご覧になる（見る）', en: 'ご覧になる (to see)' } },
      { id: 'd', text: { ja: 'おっしゃられる（言う）', en: 'おっしゃられる (to say)' } },
      { id: 'e', text: { ja: '参られる（来る）', en: '参られる (to come)' } },
    ],
    correctOptionIds: ['a', 'c'],
    explanation: {
      ja: '「おっしゃる」「ご覧になる」は正しい尊敬語です。「拝見」「参る」は自分側の動作に使う謙譲語なので相手には使えず、「おっしゃられる」は尊敬語に尊敬の「れる」を重ねた二重敬語です。',
      en: 'おっしゃる and ご覧になる are proper respectful forms. 拝見 and 参る are humble forms for your own side and cannot describe the other person, and おっしゃられる stacks the respectful suffix られる on an already respectful verb (a double honorific).',
    },
    skillTags: ['ビジネス基礎'],
    level: 'junior',
    difficultyPrior: 1.9,
    status: 'published',
  },

  // ───────────────────────────── コンプライアンス ─────────────────────────────
  {
    type: 'single_choice',
    stem: {
      ja: '職場でのハラスメントについて社員から相談を受けた会社が、してはならないことはどれか。',
      en: 'An employee consults the company about harassment at work. Which of the following must the company NOT do?',
    },
    options: [
      {
        id: 'a',
        text: { ja: '相談者や関係者のプライバシーを保護する', en: 'Protect the privacy of the employee and others involved' },
      },
      { id: 'b', text: { ja: '事実関係を迅速かつ正確に確認する', en: 'Establish the facts promptly and accurately' } },
      {
        id: 'c',
        text: {
          ja: '相談したことを理由に、相談者の評価を下げたり配置転換したりする',
          en: 'Lower the employee’s evaluation, or transfer them, because they came forward',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'ハラスメントが確認された場合、行為者に対して適正な措置を講じる',
          en: 'Take appropriate measures against the harasser if harassment is confirmed',
        },
      },
    ],
    correctOptionIds: ['c'],
    explanation: {
      ja: '相談したことや事実確認に協力したことを理由とする解雇などの不利益な取扱いは、法律で禁止されています。会社には相談窓口の設置、迅速な事実確認、プライバシーの保護などの措置が求められます。',
      en: 'The law prohibits dismissal or other unfavourable treatment because an employee sought advice or cooperated in a fact-finding. Companies must provide a consultation channel, check the facts promptly and protect privacy.',
    },
    skillTags: ['コンプライアンス'],
    level: 'new_hire',
    difficultyPrior: -1.8,
    status: 'published',
  },
  {
    type: 'true_false',
    stem: {
      ja: '業務上必要かつ相当な範囲で行われる適正な業務指示や指導は、受け手が不満に感じたとしても、パワーハラスメントには該当しない。',
      en: 'Appropriate instructions and guidance given within what is necessary and reasonable for the job are not power harassment, even if the recipient is unhappy about them.',
    },
    answer: true,
    explanation: {
      ja: 'パワハラは、①優越的な関係を背景とした言動で、②業務上必要かつ相当な範囲を超えたものにより、③就業環境が害されるもの、の3つをすべて満たすものです。客観的にみて適正な指導はこれに当たりません。',
      en: 'Power harassment requires all three elements: (1) conduct based on a superior position, (2) that goes beyond what is necessary and reasonable for the work, and (3) that harms the working environment. Objectively appropriate guidance does not qualify.',
    },
    skillTags: ['コンプライアンス'],
    level: 'new_hire',
    difficultyPrior: -1.4,
    status: 'published',
  },
  {
    type: 'multiple_response',
    stem: {
      ja: '個人情報保護法上の「個人情報」に当たるものをすべて選びなさい。',
      en: 'Select everything that is "personal information" under Japan\'s Act on the Protection of Personal Information (APPI).',
    },
    options: [
      { id: 'a', text: { ja: '取引先の担当者から受け取った名刺', en: 'Business cards received from client contacts' } },
      { id: 'b', text: { ja: '本人を判別できる防犯カメラの映像', en: 'Security camera footage in which people can be recognised' } },
      {
        id: 'c',
        text: {
          ja: '個人を特定できない形で、年代別・性別に集計した購買データ',
          en: 'Purchase data aggregated by age group and gender, from which no individual can be identified',
        },
      },
      { id: 'd', text: { ja: 'すでに亡くなった人だけに関する情報', en: 'Information relating only to people who have died' } },
      {
        id: 'e',
        text: {
          ja: '氏名と勤務先が分かるメールアドレス（例: taro.yamada@example.co.jp）',
          en: 'An email address that reveals the person’s name and employer (e.g. taro.yamada@example.co.jp)',
        },
      },
    ],
    correctOptionIds: ['a', 'b', 'e'],
    explanation: {
      ja: '個人情報とは、生存する個人に関する情報で、氏名や顔画像などにより特定の個人を識別できるもの（他の情報と容易に照合して識別できるものを含む）です。個人を特定できない統計データや、亡くなった人だけに関する情報は含まれません。',
      en: 'Personal information is information about a living individual that can identify a specific person, e.g. by name or face, including where it can easily be matched with other information to do so. Anonymous statistics and information only about deceased persons are not included.',
    },
    skillTags: ['コンプライアンス'],
    level: 'new_hire',
    difficultyPrior: -0.6,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '厚生労働省の指針が示すパワーハラスメントの6類型のうち、「過小な要求」に当たる例として最も適切なものはどれか。',
      en: 'Of the six types of power harassment in the Ministry of Health, Labour and Welfare guidelines, which example best fits "excessively low demands"?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '管理職を退職させる目的で、誰でもできる受付業務だけを担当させる',
          en: 'To push a manager to quit, assigning them only reception work that anyone could do',
        },
      },
      {
        id: 'b',
        text: {
          ja: '他の社員の前で、大声で長時間にわたり叱責を繰り返す',
          en: 'Repeatedly scolding someone loudly and at length in front of colleagues',
        },
      },
      {
        id: 'c',
        text: {
          ja: '必要な教育をしないまま、新人に到底こなせない量の業務を課す',
          en: 'Giving a new hire far more work than they could possibly manage, without the necessary training',
        },
      },
      {
        id: 'd',
        text: {
          ja: '一人だけ別室に席を移し、会議にも呼ばないようにする',
          en: 'Moving one person to a separate room and leaving them out of meetings',
        },
      },
    ],
    correctOptionIds: ['a'],
    explanation: {
      ja: '業務上の合理性なく、能力や経験とかけ離れた程度の低い仕事を命じたり、仕事を与えなかったりすることが「過小な要求」です。bは精神的な攻撃、cは過大な要求、dは人間関係からの切り離しの例です。',
      en: '"Excessively low demands" means, without a business reason, ordering work far below someone\'s ability and experience, or giving them no work at all. (b) is psychological attack, (c) excessive demands and (d) isolation from human relationships.',
    },
    skillTags: ['コンプライアンス'],
    level: 'new_hire',
    difficultyPrior: -0.2,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: 'あなたは上場企業の社員で、業務を通じて、自社がまだ公表していない大型の企業買収を近く発表する予定だと知った。インサイダー取引規制に照らして正しい行動はどれか。',
      en: 'You work for a listed company and learn through your job that it will soon announce a large acquisition that has not yet been made public. Under the insider trading rules, what is the correct course of action?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '公表前に自社株を「買う」のは違反だが、「売る」のであれば問題ない',
          en: 'Buying company shares before the announcement is a violation, but selling them is fine',
        },
      },
      {
        id: 'b',
        text: {
          ja: '公表されるまで自社株の売買を控え、家族や友人にも情報を伝えたり売買を勧めたりしない',
          en: 'Refrain from trading company shares until the announcement, and do not pass the information on to, or recommend trades to, family or friends',
        },
      },
      {
        id: 'c',
        text: {
          ja: '自分名義ではなく家族名義の口座で買うのであれば、規制の対象外である',
          en: "Buying through an account in a family member's name is outside the rules",
        },
      },
      {
        id: 'd',
        text: { ja: '100株程度の少額の取引であれば、規制の対象外である', en: 'A small trade of around 100 shares is outside the rules' },
      },
    ],
    correctOptionIds: ['b'],
    explanation: {
      ja: '会社関係者が職務に関して知った未公表の重要事実をもとに公表前に株式を売買することは、売りか買いか、名義や金額の大小を問わず禁止されています。他人に利益を得させる目的などで情報を伝えたり売買を勧めたりすることも禁止です。',
      en: 'Trading on material non-public facts learned through your work is prohibited before publication, whether buying or selling and regardless of whose account is used or how small the trade. Passing the information on or recommending trades, e.g. so that someone else profits, is also prohibited.',
    },
    skillTags: ['コンプライアンス'],
    level: 'new_hire',
    difficultyPrior: 0.4,
    status: 'published',
  },
  {
    type: 'multiple_response',
    stem: {
      ja: 'インサイダー取引規制について、正しいものをすべて選びなさい。',
      en: 'Select every correct statement about the insider trading rules.',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '正社員だけでなく、契約社員・派遣社員・アルバイトも規制の対象になりうる',
          en: 'Not only regular employees but also contract, agency and part-time workers can be subject to the rules',
        },
      },
      {
        id: 'b',
        text: {
          ja: '結果的に損失が出た取引であれば、インサイダー取引にはならない',
          en: 'A trade that ends up making a loss is not insider trading',
        },
      },
      {
        id: 'c',
        text: {
          ja: '退職して会社関係者でなくなった後も、一定期間（1年以内）は規制の対象となる',
          en: 'The rules continue to apply for a period (up to one year) after you leave the company',
        },
      },
      {
        id: 'd',
        text: {
          ja: '業務上知った取引先企業の未公表の重要事実をもとに、その取引先の株式を売買することも規制される',
          en: "Trading a client company's shares on its material non-public facts learned through your work is also regulated",
        },
      },
      {
        id: 'e',
        text: {
          ja: '社内で広く噂になっている情報は、すでに公表されたものとみなされる',
          en: 'Information that is widely rumoured inside the company counts as already published',
        },
      },
    ],
    correctOptionIds: ['a', 'c', 'd'],
    explanation: {
      ja: '規制は雇用形態を問わず、退職後1年以内の元社員や、取引先の重要事実を業務上知った人にも及びます。利益・損失の有無は関係ありません。また「公表」とは適時開示（TDnet）など法令で定められた方法によるもので、社内の噂は該当しません。',
      en: 'The rules apply regardless of employment type, to former employees for one year after leaving, and to people who learn a client’s material facts through their work. Profit or loss is irrelevant, and "publication" means disclosure by a legally defined method such as timely disclosure via TDnet — internal rumours do not count.',
    },
    skillTags: ['コンプライアンス'],
    level: 'junior',
    difficultyPrior: 0.9,
    status: 'published',
  },
  {
    type: 'numeric',
    stem: {
      ja: '取適法（中小受託取引適正化法。2026年1月に下請法を改正・改称して施行）では、委託事業者（旧・親事業者）は代金の支払期日を、給付を受領した日から起算して何日以内の、できる限り短い期間内に定めなければならないか。数字で答えなさい。',
      en: 'Under the Toriteki Act (the amended and renamed Subcontract Act, in force since January 2026), the commissioning business must set the payment date within how many days of receiving the goods or services (and as short a period as possible)? Answer with a number.',
    },
    answer: { value: 60, tolerance: 0 },
    explanation: {
      ja: '支払期日は、給付を受領した日から起算して60日以内で、かつできる限り短い期間内に定める必要があります。社内の検査や締め処理が終わっていないことは、支払を遅らせる理由になりません。',
      en: 'The payment date must fall within 60 days of receipt and be as short as possible. Unfinished internal inspection or month-end closing is no reason to pay later.',
    },
    skillTags: ['コンプライアンス'],
    level: 'junior',
    difficultyPrior: 1.4,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: 'あなたの会社（委託事業者）は、中小企業（中小受託事業者）に部品の製造を委託している。発注後、自社の業績悪化を理由に、相手の了承を得たうえで代金を5%減額した。取適法（旧・下請法）上の評価として正しいものはどれか。',
      en: "Your company (the commissioning business) outsources parts manufacturing to a small supplier. After placing the order, citing its own poor results, your company cut the agreed price by 5% with the supplier's consent. How is this assessed under the Toriteki Act (formerly the Subcontract Act)?",
    },
    options: [
      { id: 'a', text: { ja: '相手が了承しているので、問題はない', en: 'No problem, because the supplier agreed' } },
      {
        id: 'b',
        text: { ja: '減額について書面で合意していれば、問題はない', en: 'No problem, as long as the reduction was agreed in writing' },
      },
      { id: 'c', text: { ja: '減額幅が10%未満であれば、問題はない', en: 'No problem, as long as the reduction is under 10%' } },
      {
        id: 'd',
        text: {
          ja: '相手に責任がないのに発注後に代金を減額することは、合意があっても違反となる',
          en: 'Reducing the price after ordering when the supplier is not at fault is a violation, even with its agreement',
        },
      },
    ],
    correctOptionIds: ['d'],
    explanation: {
      ja: '受託側に責任がないのに、発注時に決めた代金を後から減額することは、名目や方法、金額の多少を問わず、相手の合意があっても禁止されています。取引上の力関係の差から「合意」が実質的に強いられやすいためです。',
      en: 'Reducing a price fixed at the time of ordering when the supplier is not at fault is prohibited whatever it is called, however it is done and however small — even with the supplier’s agreement, because the imbalance of power makes such "agreement" easy to force.',
    },
    skillTags: ['コンプライアンス'],
    level: 'junior',
    difficultyPrior: 2.0,
    status: 'published',
  },

  // ───────────────────────────── 情報セキュリティ ─────────────────────────────
  {
    type: 'single_choice',
    stem: {
      ja: '会社の駐車場で、ラベルのないUSBメモリを拾った。最も適切な対応はどれか。',
      en: 'You find an unlabelled USB stick in the company car park. What is the best thing to do?',
    },
    options: [
      { id: 'a', text: { ja: '持ち主を探すため、自分のPCに挿して中身を確認する', en: 'Plug it into your PC to find out whose it is' } },
      {
        id: 'b',
        text: {
          ja: 'どのPCにも挿さず、情報システム部門（セキュリティ担当）にそのまま届け出る',
          en: 'Do not plug it in anywhere; hand it to the IT (security) department as it is',
        },
      },
      {
        id: 'c',
        text: {
          ja: 'ウイルス対策ソフトが入っているPCであれば、挿して確認してよい',
          en: 'Plug it in, as long as the PC has antivirus software',
        },
      },
      { id: 'd', text: { ja: '不審なので、その場でごみ箱に捨てる', en: 'It looks suspicious, so throw it in the bin' } },
    ],
    correctOptionIds: ['b'],
    explanation: {
      ja: '拾ったUSBメモリにはマルウェアが仕込まれていることがあり、挿しただけで感染する場合もあります。ウイルス対策ソフトも万全ではないため、挿さずに担当部門へ届けます。',
      en: 'A found USB stick may carry malware that infects a PC as soon as it is plugged in, and antivirus software cannot catch everything. Hand it in without connecting it.',
    },
    skillTags: ['情報セキュリティ'],
    level: 'pre_hire',
    difficultyPrior: -2.0,
    status: 'published',
  },
  {
    type: 'true_false',
    stem: {
      ja: '席を離れるのが数分程度であれば、PCの画面をロックしなくても問題ない。',
      en: 'If you will only be away from your desk for a few minutes, there is no need to lock your PC screen.',
    },
    answer: false,
    explanation: {
      ja: '短時間でも、のぞき見や無断操作、なりすましメールの送信などのリスクがあります。離席時は必ず画面をロックし（Windowsでは Windows キー + L）、机上の機密書類もしまいます（クリアデスク・クリアスクリーン）。',
      en: 'A few minutes is enough for someone to read your screen, use your PC or send email as you. Always lock the screen when you step away (Windows key + L on Windows) and put confidential papers away: clear desk, clear screen.',
    },
    skillTags: ['情報セキュリティ'],
    level: 'new_hire',
    difficultyPrior: -1.5,
    status: 'published',
  },
  {
    type: 'multiple_response',
    stem: {
      ja: '次のうち、フィッシングメールを疑うべき特徴をすべて選びなさい。',
      en: 'Select every sign that an email may be a phishing email.',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '差出人のドメインが「micros0ft-support.com」のように、正規のものと微妙に違う',
          en: 'The sender\'s domain is subtly different from the real one, e.g. "micros0ft-support.com"',
        },
      },
      {
        id: 'b',
        text: {
          ja: '「24時間以内に手続きしないとアカウントを停止します」と対応を急がせる',
          en: 'It rushes you: "Your account will be suspended unless you act within 24 hours"',
        },
      },
      {
        id: 'c',
        text: {
          ja: 'リンクの表示文字列と、マウスを重ねたときに表示される実際のURLが異なる',
          en: 'The link text differs from the actual URL shown when you hover over it',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'いつもの担当者から、定例会議の議事録が社内の共有フォルダ経由で共有された',
          en: 'The usual colleague shares the minutes of a regular meeting via the internal shared folder',
        },
      },
      {
        id: 'e',
        text: {
          ja: 'メール内のリンク先のページで、IDとパスワードを入力するよう求めている',
          en: 'It asks you to enter your ID and password on a page linked from the email',
        },
      },
    ],
    correctOptionIds: ['a', 'b', 'c', 'e'],
    partialCredit: true,
    explanation: {
      ja: '正規に似せた差出人ドメイン、不安をあおって急がせる文面、表示と異なるリンク先、IDやパスワードの入力要求は、いずれもフィッシングの典型的な特徴です。疑わしいメールのリンクは開かず、情報システム部門に報告します。',
      en: 'Look-alike sender domains, urgent or threatening wording, links whose real destination differs from the text, and requests for credentials are all classic phishing signs. Do not click; report the email to IT.',
    },
    skillTags: ['情報セキュリティ'],
    level: 'new_hire',
    difficultyPrior: -0.8,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '顧客リストを添付したメールを、誤って別の取引先に送信してしまったことに気づいた。最も適切な対応はどれか。',
      en: 'You realise you have sent an email with a customer list attached to the wrong client. What is the best response?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '相手に削除を依頼し、削除したとの返信があれば社内への報告は不要である',
          en: 'Ask the recipient to delete it; if they confirm deletion, there is no need to report it internally',
        },
      },
      {
        id: 'b',
        text: {
          ja: '大ごとにしたくないので、しばらく様子を見て、問題が起きたら報告する',
          en: 'Wait and see so as not to make a fuss, and report it only if a problem arises',
        },
      },
      {
        id: 'c',
        text: {
          ja: '直ちに上司と情報セキュリティの担当部門に報告し、指示に従って相手への削除依頼などを行う',
          en: 'Report it immediately to your manager and the information security team, and follow their instructions, e.g. on asking the recipient to delete it',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'メールソフトの送信取り消し機能を試し、成否にかかわらず報告はしない',
          en: "Try the mail software's recall function and, whether or not it works, report nothing",
        },
      },
    ],
    correctOptionIds: ['c'],
    explanation: {
      ja: '個人情報の誤送信は情報漏えい事故であり、会社として影響範囲を確認し、場合によっては個人情報保護委員会への報告や本人への通知が必要になります。自己判断で済ませず、すぐに報告することが被害を最小限に抑えます。',
      en: 'Sending personal data to the wrong party is a data leak: the company must assess the impact and may have to report to the Personal Information Protection Commission and notify the people affected. Report at once rather than handling it yourself; speed limits the damage.',
    },
    skillTags: ['情報セキュリティ'],
    level: 'new_hire',
    difficultyPrior: -0.3,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '取引先を名乗るメールの添付ファイルを開き、表示に従って「コンテンツの有効化」を押したところ、PCの動作がおかしくなった。最初に取るべき行動として最も適切なものはどれか。',
      en: 'You opened an attachment in an email claiming to be from a client, clicked "Enable Content" as it instructed, and now your PC is behaving strangely. What should you do first?',
    },
    options: [
      { id: 'a', text: { ja: 'PCの電源をすぐに切り、翌日まで様子を見る', en: 'Turn the PC off at once and see how it is the next day' } },
      {
        id: 'b',
        text: {
          ja: '自分でウイルス対策ソフトのフルスキャンを実行し、何も検出されなければ報告しない',
          en: 'Run a full antivirus scan yourself and report nothing if it finds nothing',
        },
      },
      {
        id: 'c',
        text: {
          ja: '同僚にも同じメールが届いていないか、そのメールを転送して確認する',
          en: 'Forward the email to colleagues to check whether they received it too',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'LANケーブルを抜く・Wi-Fiをオフにするなどしてネットワークから切り離し、すぐに情報システム部門へ報告する',
          en: 'Disconnect from the network (unplug the LAN cable, turn off Wi-Fi) and report to the IT department immediately',
        },
      },
    ],
    correctOptionIds: ['d'],
    explanation: {
      ja: '標的型攻撃メールで感染した疑いがあるときは、まずネットワークから切り離して被害の拡大を防ぎ、すぐに報告します。電源を切ると調査に必要な情報が失われることがあるため、電源の扱いは担当部門の指示に従います。',
      en: 'If you suspect infection from a targeted attack email, first disconnect from the network to stop it spreading, then report immediately. Switching off can destroy information needed for the investigation, so follow IT’s instructions about power.',
    },
    skillTags: ['情報セキュリティ'],
    level: 'new_hire',
    difficultyPrior: 0.3,
    status: 'published',
  },
  {
    type: 'ordering',
    stem: {
      ja: 'ランダムに作ったパスワードを総当たり攻撃で破るとき、試す必要がある組み合わせの数が少ない（＝破られやすい）ものから順に並べなさい。',
      en: 'For randomly generated passwords, order these from the fewest to the most combinations a brute-force attack would have to try (i.e. from weakest to strongest).',
    },
    options: [
      { id: 'a', text: { ja: '英大文字・小文字・数字を混ぜた12文字', en: '12 characters mixing upper case, lower case and digits' } },
      { id: 'b', text: { ja: '数字のみの8文字', en: '8 digits only' } },
      { id: 'c', text: { ja: '英小文字のみの8文字', en: '8 lower-case letters only' } },
      { id: 'd', text: { ja: '英大文字・小文字・数字を混ぜた8文字', en: '8 characters mixing upper case, lower case and digits' } },
      { id: 'e', text: { ja: '数字のみの12文字', en: '12 digits only' } },
    ],
    order: ['b', 'c', 'e', 'd', 'a'],
    explanation: {
      ja: '組み合わせの数は「文字の種類の数」の「文字数」乗です。10⁸（1億）＜26⁸（約2,088億）＜10¹²（1兆）＜62⁸（約218兆）＜62¹²（約3.2×10²¹）となり、文字数を増やす効果が大きいことが分かります。',
      en: 'The number of combinations is the size of the character set raised to the length: 10⁸ (100 million) < 26⁸ (about 209 billion) < 10¹² (1 trillion) < 62⁸ (about 218 trillion) < 62¹² (about 3.2 × 10²¹). Length adds strength fast.',
    },
    skillTags: ['情報セキュリティ'],
    level: 'new_hire',
    difficultyPrior: 0.8,
    status: 'published',
  },
  {
    type: 'multiple_response',
    stem: {
      ja: '多要素認証（MFA）に当たる組み合わせをすべて選びなさい。',
      en: 'Select every combination that counts as multi-factor authentication (MFA).',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: 'パスワード ＋ スマートフォンの認証アプリに表示されるワンタイムコード',
          en: 'Password + one-time code from an authenticator app on your smartphone',
        },
      },
      {
        id: 'b',
        text: {
          ja: 'パスワード ＋ 秘密の質問（「母親の旧姓は？」など）',
          en: 'Password + secret question (e.g. "What is your mother\'s maiden name?")',
        },
      },
      { id: 'c', text: { ja: '社員証のICカード ＋ 指紋認証', en: 'Employee ID smart card + fingerprint' } },
      { id: 'd', text: { ja: 'パスワード ＋ 顔認証', en: 'Password + face recognition' } },
      { id: 'e', text: { ja: '20文字以上の長いパスワード', en: 'A long password of 20 or more characters' } },
    ],
    correctOptionIds: ['a', 'c', 'd'],
    explanation: {
      ja: '多要素認証は、「知識（パスワードなど）」「所持（スマートフォン、ICカードなど）」「生体（指紋・顔など）」のうち異なる2種類以上を組み合わせるものです。パスワードと秘密の質問はどちらも知識情報なので、2段階であっても多要素にはなりません。',
      en: 'MFA combines two or more different kinds of factor: something you know (a password), something you have (a phone, a smart card) and something you are (fingerprint, face). A password plus a secret question are both "knowledge": two steps, but not two factors.',
    },
    skillTags: ['情報セキュリティ'],
    level: 'new_hire',
    difficultyPrior: 1.4,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '継続取引のある取引先の担当者から、「振込先の口座を変更したので、今月の支払分から新しい口座に振り込んでほしい」とメールが届いた。署名やこれまでのやり取りの引用も本物と同じに見える。最も適切な対応はどれか。',
      en: 'A contact at a regular supplier emails: "We have changed our bank account; please pay from this month onwards into the new account." The signature and the quoted earlier messages look genuine. What is the best response?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '以前から把握している連絡先（契約書や名刺の電話番号など）で担当者に直接確認し、社内の手続きに沿って上司にも共有する',
          en: 'Confirm directly with the contact using details you already had (e.g. the phone number on the contract or their business card), and inform your manager as internal procedures require',
        },
      },
      {
        id: 'b',
        text: {
          ja: 'そのメールに返信して、口座変更が事実かどうかを確認する',
          en: 'Reply to the email to ask whether the change is genuine',
        },
      },
      {
        id: 'c',
        text: { ja: 'メール本文に記載された電話番号に電話して確認する', en: 'Call the phone number given in the email to confirm' },
      },
      {
        id: 'd',
        text: {
          ja: '署名や過去のやり取りが正しいので本物と判断し、変更手続きを進める',
          en: 'The signature and past messages are correct, so treat it as genuine and make the change',
        },
      },
    ],
    correctOptionIds: ['a'],
    feedback: {
      incorrect: {
        ja: 'メールの中の情報（返信先や電話番号）で確認しても、攻撃者本人に確認することになりかねません。',
        en: 'Checking through details in the email itself (reply address, phone number) may simply mean asking the attacker.',
      },
    },
    explanation: {
      ja: 'ビジネスメール詐欺（BEC）では、乗っ取ったアカウントや偽装したアドレスから、過去のやり取りを引用して本物らしく見せます。返信先やメール内の電話番号は攻撃者につながっている可能性があるため、メール以外の既知の連絡手段で確認します。',
      en: 'In business email compromise (BEC), attackers use hijacked or spoofed accounts and quote real past emails to look genuine. Replies and phone numbers in the email may lead straight to the attacker, so verify through a channel you already knew, outside the email.',
    },
    skillTags: ['情報セキュリティ'],
    level: 'junior',
    difficultyPrior: 1.9,
    status: 'published',
  },

  // ───────────────────────────── 論理的思考 ─────────────────────────────
  {
    type: 'short_text',
    stem: {
      ja: '「漏れなく、ダブりなく」を意味し、物事を分類・整理するときの基本とされる考え方を、アルファベット4文字で何と呼ぶか。',
      en: 'What four-letter acronym describes dividing things up "with no gaps and no overlaps", a basic principle for organising information?',
    },
    accepted: ['MECE', 'ミーシー', 'ミッシー'],
    explanation: {
      ja: 'MECEは Mutually Exclusive and Collectively Exhaustive の略で、「互いに重複せず、全体として漏れがない」状態を指します。論点や選択肢をMECEに整理すると、検討の抜けや二重計上を防げます。',
      en: 'MECE stands for "Mutually Exclusive, Collectively Exhaustive": no overlaps, and together covering everything. Structuring issues or options this way prevents gaps and double counting.',
    },
    skillTags: ['論理的思考'],
    level: 'pre_hire',
    difficultyPrior: -1.9,
    status: 'published',
  },
  {
    type: 'true_false',
    stem: {
      ja: '2つのデータの間に強い相関関係があれば、一方が他方の原因であると判断してよい。',
      en: 'If two sets of data are strongly correlated, you may conclude that one causes the other.',
    },
    answer: false,
    explanation: {
      ja: '相関があっても、偶然や、両方に影響する第3の要因（交絡因子）、因果の向きが逆であることなどが考えられます。因果関係を主張するには、時間的な前後関係や他の要因の排除などの検証が必要です。',
      en: 'A correlation can come from chance, from a third factor that drives both (a confounder), or from causation running the other way. Claiming causation needs more evidence, such as the order in time and ruling out other factors.',
    },
    skillTags: ['論理的思考'],
    level: 'new_hire',
    difficultyPrior: -1.4,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '自社の個人顧客を分類する切り口のうち、MECE（漏れなく、ダブりなく）になっているものはどれか。',
      en: "Which way of segmenting your company's individual customers is MECE (no gaps, no overlaps)?",
    },
    options: [
      { id: 'a', text: { ja: '会社員・学生・主婦', en: 'Office workers / students / homemakers' } },
      { id: 'b', text: { ja: '20代・30代・40代', en: 'People in their 20s / 30s / 40s' } },
      { id: 'c', text: { ja: '首都圏在住・関西在住・海外在住', en: 'Living in the Tokyo area / the Kansai area / overseas' } },
      { id: 'd', text: { ja: '20歳未満・20歳以上40歳未満・40歳以上', en: 'Under 20 / 20 to 39 / 40 and over' } },
    ],
    correctOptionIds: ['d'],
    explanation: {
      ja: 'dは年齢の全範囲を重なりなく区切っています。aは会社員で主婦の人など重複があり、自営業などの漏れもあります。b・cは他の年代や地域が漏れています。',
      en: 'Option (d) covers every age with no overlap. (a) overlaps (someone can be both an office worker and a homemaker) and misses others such as the self-employed; (b) and (c) leave out other ages and regions.',
    },
    skillTags: ['論理的思考'],
    level: 'new_hire',
    difficultyPrior: -0.7,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: 'ある地域では、アイスクリームの売上が多い月ほど水難事故の件数も多いというデータがある。最も妥当な解釈はどれか。',
      en: 'In one region, months with higher ice-cream sales also have more drowning accidents. What is the most reasonable interpretation?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: 'アイスクリームを食べると泳ぐ能力が下がるため、事故が増える',
          en: 'Eating ice cream impairs swimming, so accidents rise',
        },
      },
      {
        id: 'b',
        text: { ja: '水難事故が増えると、人々がアイスクリームを買うようになる', en: 'More drowning accidents make people buy ice cream' },
      },
      {
        id: 'c',
        text: {
          ja: '気温が高いという共通の要因が、両方を増やしていると考えられる',
          en: 'A common factor — hot weather — is probably increasing both',
        },
      },
      {
        id: 'd',
        text: {
          ja: '2つの数字は偶然一致しているだけなので、分析する意味はない',
          en: 'The two figures just happen to match, so there is nothing to analyse',
        },
      },
    ],
    correctOptionIds: ['c'],
    explanation: {
      ja: '暑い月はアイスクリームが売れ、水辺に行く人も増えます。このように両方に影響する第3の要因（交絡因子）があると、両者の間に因果関係がなくても相関が生じます。',
      en: 'In hot months more ice cream is sold and more people go swimming. A third factor that influences both (a confounder) creates a correlation even with no causal link between the two.',
    },
    skillTags: ['論理的思考'],
    level: 'new_hire',
    difficultyPrior: -0.2,
    status: 'published',
  },
  {
    type: 'numeric',
    stem: {
      ja: 'ある商品の売上は、1年目から2年目にかけて20%増加し、2年目から3年目にかけて20%減少した。1年目の売上を100とすると、3年目の売上はいくつか。',
      en: 'Sales of a product rose 20% from year 1 to year 2, then fell 20% from year 2 to year 3. If year-1 sales are 100, what are year-3 sales?',
    },
    answer: { value: 96, tolerance: 0 },
    feedback: {
      incorrect: {
        ja: '「20%増えて20%減れば元に戻る」と考えていませんか。',
        en: 'Did you assume that +20% and then −20% cancel out?',
      },
    },
    explanation: {
      ja: '2年目は100×1.2＝120、3年目は120×0.8＝96です。20%の減少は増加後の大きい値（120）に対してかかるため、元の100には戻りません。',
      en: 'Year 2 is 100 × 1.2 = 120 and year 3 is 120 × 0.8 = 96. The 20% fall applies to the larger base (120), so sales do not return to 100.',
    },
    skillTags: ['論理的思考'],
    level: 'new_hire',
    difficultyPrior: 0.2,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: 'ピラミッド構造で主張と根拠を組み立てるとき、上下のメッセージのつながりを確認する問いの組み合わせとして正しいものはどれか。',
      en: 'When building an argument as a pyramid structure, which pair of questions checks the link between the levels?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '上から下へ「なぜそう言えるのか（Why so?）」、下から上へ「だから何が言えるのか（So what?）」',
          en: 'Top-down: "Why so?" (why can we say that?); bottom-up: "So what?" (what does this tell us?)',
        },
      },
      {
        id: 'b',
        text: {
          ja: '上から下へ「だから何が言えるのか（So what?）」、下から上へ「なぜそう言えるのか（Why so?）」',
          en: 'Top-down: "So what?"; bottom-up: "Why so?"',
        },
      },
      {
        id: 'c',
        text: { ja: '上から下へ「それはいつか（When?）」、下から上へ「それは誰か（Who?）」', en: 'Top-down: "When?"; bottom-up: "Who?"' },
      },
      {
        id: 'd',
        text: { ja: '上下どちらの方向にも「本当にそうか（Really?）」だけを問う', en: 'Ask only "Really?" in both directions' },
      },
    ],
    correctOptionIds: ['a'],
    explanation: {
      ja: '上位の主張に「Why so?」と問えば下位の根拠が答えになり、下位の根拠群に「So what?」と問えば上位の主張が導かれる関係が理想です。この双方向のチェックで論理の飛躍を防ぎます。',
      en: 'Asking "Why so?" of a higher-level message should be answered by the points beneath it, and asking "So what?" of those points should yield the message above. Checking in both directions prevents logical leaps.',
    },
    skillTags: ['論理的思考'],
    level: 'new_hire',
    difficultyPrior: 0.7,
    status: 'published',
  },
  {
    type: 'multiple_response',
    stem: {
      ja: '「当社の営業部員は全員、簿記の資格を持っている」という文が正しいとき、必ず正しいと言えるものをすべて選びなさい。',
      en: 'Given that "Every member of our sales department holds a bookkeeping qualification" is true, select every statement that must also be true.',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '簿記の資格を持っていない当社の社員は、営業部員ではない',
          en: 'An employee of ours without a bookkeeping qualification is not in the sales department',
        },
      },
      {
        id: 'b',
        text: {
          ja: '簿記の資格を持っている当社の社員は、全員営業部員である',
          en: 'Every employee of ours with a bookkeeping qualification is in the sales department',
        },
      },
      {
        id: 'c',
        text: {
          ja: '営業部員ではない当社の社員は、簿記の資格を持っていない',
          en: 'An employee of ours who is not in sales does not hold a bookkeeping qualification',
        },
      },
      {
        id: 'd',
        text: {
          ja: '当社の営業部員である鈴木さんは、簿記の資格を持っている',
          en: 'Ms Suzuki, who is in our sales department, holds a bookkeeping qualification',
        },
      },
    ],
    correctOptionIds: ['a', 'd'],
    explanation: {
      ja: '「AならばB」が正しいとき、対偶「BでないならばAでない」（a）と、個別の例への当てはめ（d）は必ず正しくなります。逆（b）と裏（c）は必ずしも正しくありません。',
      en: 'If "A implies B" is true, its contrapositive "not B implies not A" (a) and its application to a specific case (d) must be true. The converse (b) and the inverse (c) need not be.',
    },
    skillTags: ['論理的思考'],
    level: 'new_hire',
    difficultyPrior: 1.4,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '会議室の鍵を、A・B・Cのうち1人だけが持ち出した。3人はそれぞれ、A「私は持ち出していない」、B「Cが持ち出した」、C「Bはうそをついている」と話しており、このうち本当のことを言っているのは1人だけである。鍵を持ち出したのは誰か。',
      en: 'Exactly one of A, B and C took the meeting-room key. A says, "I didn\'t take it." B says, "C took it." C says, "B is lying." Exactly one of the three is telling the truth. Who took the key?',
    },
    options: [
      { id: 'a', text: { ja: 'B', en: 'B' } },
      { id: 'b', text: { ja: 'A', en: 'A' } },
      { id: 'c', text: { ja: 'C', en: 'C' } },
      { id: 'd', text: { ja: 'この条件だけでは特定できない', en: 'It cannot be determined from this information' } },
    ],
    correctOptionIds: ['b'],
    explanation: {
      ja: 'Aが持ち出した場合、AとBの発言はうそ、Cの発言は本当となり、本当のことを言っているのは1人で条件を満たします。Bの場合はAとCが、Cの場合はAとBが本当のことを言っていることになり、どちらも2人になるため条件に合いません。',
      en: 'If A took it, A and B are lying and C is telling the truth: exactly one truth, as required. If B took it, A and C tell the truth; if C took it, A and B do — two truths each time, so neither fits.',
    },
    skillTags: ['論理的思考'],
    level: 'junior',
    difficultyPrior: 2.0,
    status: 'published',
  },

  // ───────────────────────────── Excel・IT ─────────────────────────────
  {
    type: 'single_choice',
    stem: {
      ja: 'Excel（Windows版）で、直前の操作を取り消すショートカットキーはどれか。',
      en: 'In Excel for Windows, which shortcut undoes the last action?',
    },
    options: [
      { id: 'a', text: { ja: 'Ctrl + Y', en: 'Ctrl + Y' } },
      { id: 'b', text: { ja: 'Ctrl + Z', en: 'Ctrl + Z' } },
      { id: 'c', text: { ja: 'Ctrl + X', en: 'Ctrl + X' } },
      { id: 'd', text: { ja: 'Ctrl + A', en: 'Ctrl + A' } },
    ],
    correctOptionIds: ['b'],
    explanation: {
      ja: 'Ctrl + Z は「元に戻す」です。Ctrl + Y は「やり直し（または直前の操作の繰り返し）」、Ctrl + X は「切り取り」、Ctrl + A は「すべて選択」です。',
      en: 'Ctrl + Z is Undo. Ctrl + Y is Redo (or Repeat last action), Ctrl + X is Cut and Ctrl + A is Select All.',
    },
    skillTags: ['Excel・IT'],
    level: 'pre_hire',
    difficultyPrior: -2.0,
    status: 'published',
  },
  {
    type: 'true_false',
    stem: {
      ja: 'セル参照「$A$1」は、数式を別のセルにコピーしても参照先が変わらない「絶対参照」である。',
      en: 'The cell reference "$A$1" is an absolute reference: it does not change when the formula is copied to another cell.',
    },
    answer: true,
    explanation: {
      ja: '「$」を付けた列・行は固定されます。$A$1 は列も行も固定した絶対参照です。数式の入力中に F4 キーを押すと、A1 → $A$1 → A$1 → $A1 の順に切り替えられます。',
      en: 'A $ fixes the column or row it precedes, so $A$1 fixes both. While editing a formula, F4 cycles A1 → $A$1 → A$1 → $A1.',
    },
    skillTags: ['Excel・IT'],
    level: 'new_hire',
    difficultyPrior: -1.5,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '「=VLOOKUP(A2, 商品マスタ!$A$2:$D$500, 3, FALSE)」の動作の説明として正しいものはどれか。',
      en: 'Which correctly describes what =VLOOKUP(A2, Products!$A$2:$D$500, 3, FALSE) does?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: 'A2の値を範囲のA列から完全一致で探し、見つかった行のC列（範囲の左から3列目）の値を返す',
          en: 'Finds the value of A2 in column A of the range by exact match and returns the value in column C (the 3rd column of the range) of that row',
        },
      },
      {
        id: 'b',
        text: {
          ja: 'A2の値を範囲のA列から近似一致で探し、見つかった行のC列の値を返す',
          en: 'Finds A2 in column A of the range by approximate match and returns the value in column C of that row',
        },
      },
      {
        id: 'c',
        text: {
          ja: 'A2の値を範囲のA列から完全一致で探し、範囲の上から3行目の値を返す',
          en: 'Finds A2 in column A of the range by exact match and returns a value from the 3rd row of the range',
        },
      },
      {
        id: 'd',
        text: {
          ja: 'A2の値を範囲全体から探し、見つかったセルから右に3つ目のセルの値を返す',
          en: 'Searches the whole range for A2 and returns the value three cells to the right of the match',
        },
      },
    ],
    correctOptionIds: ['a'],
    explanation: {
      ja: 'VLOOKUPは範囲の左端の列で検索値を探し、同じ行の指定した列（範囲の左から数えた列番号）の値を返します。4番目の引数 FALSE（または0）は完全一致の指定で、省略すると近似一致（TRUE）になるため注意が必要です。',
      en: 'VLOOKUP searches the leftmost column of the range and returns the value from the given column (counted from the left of the range) in the same row. The 4th argument FALSE (or 0) means exact match; if it is omitted, it defaults to approximate match (TRUE), a common source of errors.',
    },
    skillTags: ['Excel・IT'],
    level: 'new_hire',
    difficultyPrior: -0.6,
    status: 'published',
  },
  {
    type: 'numeric',
    stem: {
      ja: 'セルB1に売上高 2,500,000、セルB2に売上原価 1,750,000 が入っている。セルB3に「=(B1-B2)/B1」と入力してパーセント表示にしたとき、表示される売上総利益率（粗利率）は何%か。数字のみで答えなさい。',
      en: 'Cell B1 holds sales of 2,500,000 and B2 the cost of sales, 1,750,000. If B3 contains =(B1-B2)/B1 formatted as a percentage, what gross margin in % is shown? Enter the number only.',
    },
    answer: { value: 30, tolerance: 0.1 },
    explanation: {
      ja: '売上総利益は 2,500,000 − 1,750,000 ＝ 750,000 で、750,000 ÷ 2,500,000 ＝ 0.3、パーセント表示で30%です。',
      en: 'Gross profit is 2,500,000 − 1,750,000 = 750,000, and 750,000 ÷ 2,500,000 = 0.3, shown as 30%.',
    },
    skillTags: ['Excel・IT'],
    level: 'new_hire',
    difficultyPrior: -0.2,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: 'VLOOKUP関数と比べた、XLOOKUP関数の特徴として正しいものはどれか。',
      en: 'Compared with VLOOKUP, which statement about XLOOKUP is correct?',
    },
    options: [
      {
        id: 'a',
        text: { ja: 'Excel 2010 以降のすべてのバージョンで使える', en: 'It is available in every version of Excel from 2010 onwards' },
      },
      {
        id: 'b',
        text: { ja: '一致モードを省略すると、近似一致で検索される', en: 'If the match mode is omitted, it uses approximate match' },
      },
      {
        id: 'c',
        text: {
          ja: '検索値が見つからなかった場合に表示する値を、引数で指定できない',
          en: 'There is no argument for what to return when nothing is found',
        },
      },
      {
        id: 'd',
        text: {
          ja: '検索する列より左側にある列の値も取り出せる',
          en: 'It can return values from columns to the left of the lookup column',
        },
      },
    ],
    correctOptionIds: ['d'],
    explanation: {
      ja: 'XLOOKUPは検索範囲と戻り範囲を別々に指定するため、左側の列の値も取り出せます。既定は完全一致で、見つからない場合に返す値も指定できます。Microsoft 365 や Excel 2021 以降で使える関数です。',
      en: 'XLOOKUP takes separate lookup and return ranges, so it can return columns to the left. Its default is exact match, and it has an argument for the value to return when nothing is found. It is available in Microsoft 365 and Excel 2021 or later.',
    },
    skillTags: ['Excel・IT'],
    level: 'new_hire',
    difficultyPrior: 0.4,
    status: 'published',
  },
  {
    type: 'multiple_response',
    stem: {
      ja: 'ピボットテーブルで集計する元データの作り方として、適切なものをすべて選びなさい。',
      en: 'Select every good practice for preparing the source data for a PivotTable.',
    },
    options: [
      {
        id: 'a',
        text: { ja: '先頭の1行に、各列の見出し（項目名）を付ける', en: 'Put a heading (field name) for each column in the first row' },
      },
      { id: 'b', text: { ja: '1件のデータを1行に入力する', en: 'Enter one record per row' } },
      {
        id: 'c',
        text: {
          ja: '見やすくするため、同じ値が続くセルは結合しておく',
          en: 'Merge cells with repeated values to make the table easier to read',
        },
      },
      {
        id: 'd',
        text: {
          ja: '途中に空白行や小計行を入れず、データを連続して入力する',
          en: 'Keep the data continuous, with no blank or subtotal rows in between',
        },
      },
      { id: 'e', text: { ja: '月ごとに別々のシートに分けて入力しておく', en: "Keep each month's data on a separate sheet" } },
    ],
    correctOptionIds: ['a', 'b', 'd'],
    explanation: {
      ja: '元データは「見出し1行＋1行1件」の連続した表にします。結合セル、空白行・小計行、シートの分割があると、正しく集計できなかったり手間が増えたりします。月は「月」の列として持てば、ピボットテーブル側で月別に集計できます。',
      en: 'Source data should be one continuous table: a single header row and one record per row. Merged cells, blank or subtotal rows and data split across sheets break or complicate the summary. Keep the month as a column and let the PivotTable group by it.',
    },
    skillTags: ['Excel・IT'],
    level: 'new_hire',
    difficultyPrior: 0.9,
    status: 'published',
  },
  {
    type: 'numeric',
    stem: {
      ja: 'セルA1〜A5に、順に「80」「（空白）」「60」「欠席」（文字列）「100」が入力されている。=AVERAGE(A1:A5) の結果はいくつか。',
      en: 'Cells A1 to A5 contain, in order: 80, (empty), 60, the text "absent", and 100. What does =AVERAGE(A1:A5) return?',
    },
    answer: { value: 80, tolerance: 0 },
    feedback: {
      incorrect: {
        ja: '空白セルや「欠席」を0として数えていませんか。',
        en: 'Did you count the empty cell or "absent" as 0?',
      },
    },
    explanation: {
      ja: 'AVERAGE関数は、範囲内の空白セルと文字列を無視して数値だけを平均します。(80＋60＋100)÷3＝80 です。文字列を0として数えたい場合は AVERAGEA 関数を使います（その場合は 240÷4＝60。空白セルは引き続き無視されます）。',
      en: 'AVERAGE ignores empty cells and text in a range and averages only the numbers: (80 + 60 + 100) ÷ 3 = 80. AVERAGEA counts text as 0 (giving 240 ÷ 4 = 60); empty cells are still ignored.',
    },
    skillTags: ['Excel・IT'],
    level: 'junior',
    difficultyPrior: 1.5,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '九九の表を作る。B1〜J1 に 1〜9、A2〜A10 に 1〜9 が入力されている。B2 に数式を1つ入力し、それを B2:J10 全体にコピーして表を完成させたい。B2 に入力する数式として正しいものはどれか。',
      en: 'You are building a 9 × 9 multiplication table: B1:J1 hold 1–9 and A2:A10 hold 1–9. You want to enter one formula in B2 and copy it to all of B2:J10. Which formula should go in B2?',
    },
    options: [
      { id: 'a', text: { ja: '=A2*B1', en: '=A2*B1' } },
      { id: 'b', text: { ja: '=$A$2*$B$1', en: '=$A$2*$B$1' } },
      { id: 'c', text: { ja: '=$A2*B$1', en: '=$A2*B$1' } },
      { id: 'd', text: { ja: '=A$2*$B1', en: '=A$2*$B1' } },
    ],
    correctOptionIds: ['c'],
    explanation: {
      ja: 'どのセルも、掛ける数は常にA列から、掛けられる数は常に1行目から取る必要があります。そこで列だけを固定した $A2 と、行だけを固定した B$1 を掛け合わせる「複合参照」を使います。',
      en: 'Every cell must take one factor from column A and the other from row 1, so use mixed references: $A2 fixes the column and B$1 fixes the row.',
    },
    skillTags: ['Excel・IT'],
    level: 'junior',
    difficultyPrior: 2.0,
    status: 'published',
  },

  // ───────────────────────────── コミュニケーション ─────────────────────────────
  {
    type: 'single_choice',
    stem: {
      ja: '相手に自由に考えを話してもらうための「開かれた質問（オープンクエスチョン）」はどれか。',
      en: 'Which is an open question — one that invites the other person to talk freely?',
    },
    options: [
      { id: 'a', text: { ja: '「この資料は、明日までに終わりそうですか？」', en: '"Will this document be done by tomorrow?"' } },
      { id: 'b', text: { ja: '「会議は10時からで合っていますか？」', en: '"The meeting starts at 10, right?"' } },
      {
        id: 'c',
        text: { ja: '「新しい業務で、どんなところに難しさを感じていますか？」', en: '"What do you find challenging about your new work?"' },
      },
      {
        id: 'd',
        text: { ja: '「A案とB案なら、A案のほうがよいと思いますか？」', en: '"Between plans A and B, do you think A is better?"' },
      },
    ],
    correctOptionIds: ['c'],
    explanation: {
      ja: '「どんな」「なぜ」「どのように」などで問う開かれた質問は、相手の考えや気持ちを引き出します。「はい／いいえ」や選択肢で答えられる閉じた質問は、事実の確認に向いています。',
      en: 'Open questions built on "what", "why" or "how" draw out thoughts and feelings. Closed questions, answerable with yes/no or a choice, suit checking facts.',
    },
    skillTags: ['コミュニケーション'],
    level: 'new_hire',
    difficultyPrior: -2.0,
    status: 'published',
  },
  {
    type: 'true_false',
    stem: {
      ja: '1on1ミーティングは、上司が部下から業務の進捗報告を受けることが主な目的であり、上司が中心になって話すのが望ましい。',
      en: 'The main purpose of a 1-on-1 meeting is for the manager to receive progress reports, and the manager should do most of the talking.',
    },
    answer: false,
    explanation: {
      ja: '1on1は、部下の成長や悩み、キャリアなどについて話す「部下のための時間」です。進捗確認は別の場で行い、上司は傾聴と質問を中心に、部下が多く話せるようにします。',
      en: "A 1-on-1 is the team member's time, to talk about their growth, concerns and career. Handle progress updates elsewhere; the manager mainly listens and asks questions so that the member does most of the talking.",
    },
    skillTags: ['コミュニケーション'],
    level: 'new_hire',
    difficultyPrior: -1.4,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '後輩から仕事の悩みを相談された。傾聴の姿勢として最も適切なものはどれか。',
      en: 'A junior colleague comes to you with a worry about work. Which response shows good active listening?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '相づちやうなずきを交え、相手の話を要約して「〜ということですね」と確認しながら聴く',
          en: 'Nod and respond as they talk, and summarise to check: "So what you\'re saying is…"',
        },
      },
      {
        id: 'b',
        text: {
          ja: '相手が話し終える前に結論を推測し、先に解決策を伝える',
          en: 'Guess where they are going and give a solution before they finish',
        },
      },
      {
        id: 'c',
        text: {
          ja: '共感を示すため、自分の似た経験を詳しく話す',
          en: 'Show empathy by describing a similar experience of your own in detail',
        },
      },
      {
        id: 'd',
        text: { ja: '話の中に誤りがあれば、その都度すぐに指摘する', en: 'Correct any mistakes in what they say straight away, each time' },
      },
    ],
    correctOptionIds: ['a'],
    explanation: {
      ja: '傾聴では、話をさえぎらず、相づち・うなずき・要約などで「聴いている」ことを示しながら、相手の気持ちや考えを理解することに集中します。話を奪ったり途中で評価したりすると、相手は話しにくくなります。',
      en: 'Active listening means not interrupting, showing you are listening through nods, short responses and summaries, and focusing on understanding their thoughts and feelings. Taking over the conversation or judging mid-way makes people stop talking.',
    },
    skillTags: ['コミュニケーション'],
    level: 'new_hire',
    difficultyPrior: -0.9,
    status: 'published',
  },
  {
    type: 'short_text',
    stem: {
      ja: '相手が「昨日の商談がうまくいかなくて……」と言ったときに「商談がうまくいかなかったんですね」と返すように、相手の言葉をそのまま繰り返して受け止める傾聴の技法を何と呼ぶか。',
      en: 'When someone says "Yesterday\'s sales meeting didn\'t go well…" and you reply "The sales meeting didn\'t go well," you are repeating their own words back to show you have heard them. What is this listening technique called?',
    },
    accepted: [
      'バックトラッキング',
      'オウム返し',
      'おうむ返し',
      'オウムがえし',
      'backtracking',
      'back-tracking',
      'back tracking',
      'parroting',
    ],
    explanation: {
      ja: 'バックトラッキング（オウム返し）は、相手の言葉や気持ちを表すキーワードを繰り返すことで「ちゃんと聴いている」ことを伝え、相手が話を続けやすくする技法です。機械的に繰り返すと不自然になるため、要約や言い換えと組み合わせて使います。',
      en: "Backtracking (parroting) repeats the other person's key words or feelings, showing that you are listening and helping them keep talking. Done mechanically it sounds odd, so combine it with summarising and paraphrasing.",
    },
    skillTags: ['コミュニケーション'],
    level: 'new_hire',
    difficultyPrior: -0.3,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '17時締切の資料を仕上げている最中に、先輩から急ぎではない別の仕事を頼まれた。アサーティブ（自分も相手も尊重する）な対応として最も適切なものはどれか。',
      en: 'While you are finishing a document due at 5 p.m., a senior colleague asks you to do another task that is not urgent. Which response is assertive (respecting both yourself and the other person)?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '断ると悪いので「わかりました」と引き受け、残業して両方を終わらせる',
          en: 'Say "Sure" because refusing feels rude, and work overtime to finish both',
        },
      },
      {
        id: 'b',
        text: { ja: '「今それどころではないので、無理です」とだけ答える', en: 'Reply only, "I\'m far too busy for that right now — no."' },
      },
      { id: 'c', text: { ja: '聞こえなかったふりをして、そのまま作業を続ける', en: 'Pretend not to have heard and keep working' } },
      {
        id: 'd',
        text: {
          ja: '「今、17時締切の資料を仕上げているところです。明日の午前中からの対応でもよろしいでしょうか」と伝える',
          en: '"I\'m finishing a document that\'s due at 5 today. Would it be all right if I start on it tomorrow morning?"',
        },
      },
    ],
    correctOptionIds: ['d'],
    explanation: {
      ja: 'アサーションは、相手の立場を尊重しながら、自分の状況や考えを率直かつ誠実に伝えるコミュニケーションです。aは自分を抑え込む非主張的な対応、bは相手を軽んじる攻撃的な対応で、cは問題を先送りするだけです。',
      en: 'Assertiveness means stating your situation and views honestly while respecting the other person. (a) is passive (suppressing yourself), (b) is aggressive (dismissing the other person), and (c) only postpones the problem.',
    },
    skillTags: ['コミュニケーション'],
    level: 'new_hire',
    difficultyPrior: 0.3,
    status: 'published',
  },
  {
    type: 'multiple_response',
    stem: {
      ja: '後輩のプレゼンについて、SBI（Situation・Behavior・Impact）モデルに沿ってフィードバックしたい。SBIの要素として適切な発言をすべて選びなさい。',
      en: 'You want to give a junior colleague feedback on a presentation using the SBI (Situation–Behavior–Impact) model. Select every statement that is an appropriate SBI element.',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '「昨日のお客様との定例会議での説明について」',
          en: '"About your explanation at yesterday\'s regular meeting with the client"',
        },
      },
      { id: 'b', text: { ja: '「最初に要点を3つにまとめて示してくれたので」', en: '"You started by laying out the three key points"' } },
      {
        id: 'c',
        text: {
          ja: '「お客様がすぐに理解して、その場で次のステップが決まったよ」',
          en: '"so the client understood right away and we agreed the next steps on the spot"',
        },
      },
      { id: 'd', text: { ja: '「君は、もともとプレゼンのセンスがあるね」', en: '"You\'ve just got a natural talent for presenting"' } },
      { id: 'e', text: { ja: '「前任の〇〇さんより、ずっと上手だったよ」', en: '"You were much better than your predecessor"' } },
    ],
    correctOptionIds: ['a', 'b', 'c'],
    explanation: {
      ja: 'SBIでは、いつ・どこで（状況）、具体的に何をしたか（行動）、それがどんな影響を与えたか（影響）を伝えます。性格や才能への評価（d）や他人との比較（e）は具体的な行動に結びつかず、再現や改善につながりにくいため避けます。',
      en: 'SBI describes when and where (Situation), what the person specifically did (Behavior) and the effect it had (Impact). Judgements about personality or talent (d) and comparisons with others (e) are not tied to behaviour, so they are hard to repeat or improve on.',
    },
    skillTags: ['コミュニケーション'],
    level: 'new_hire',
    difficultyPrior: 0.8,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: '後輩の報告が遅れがちなことを伝えたい。「Iメッセージ（私を主語にした伝え方）」として最も適切なものはどれか。',
      en: 'You want to raise the fact that a junior colleague often reports late. Which is the best "I-message" (a statement with "I" as the subject)?',
    },
    options: [
      { id: 'a', text: { ja: '「あなたは、いつも報告が遅いよね」', en: '"You always report late, don\'t you?"' } },
      {
        id: 'b',
        text: {
          ja: '「報告が遅れると、私は状況がつかめず、お客様への回答が遅れないか心配になるんだ」',
          en: '"When reports come late, I lose track of the situation and I worry that our answers to the client will be delayed."',
        },
      },
      { id: 'c', text: { ja: '「普通は、もっと早く報告するものだよ」', en: '"Normally people report much sooner."' } },
      { id: 'd', text: { ja: '「みんなも、あなたの報告が遅いと言っているよ」', en: '"Everyone says your reports are late."' } },
    ],
    correctOptionIds: ['b'],
    explanation: {
      ja: 'Iメッセージは「私は〜と感じる・困る」と自分の受け止めを伝えるため、相手を責める印象が弱まり、受け入れられやすくなります。aは相手を主語にしたYouメッセージ、c・dは一般論や他人を持ち出して相手を評価する言い方です。',
      en: 'An I-message states how the situation affects you ("I worry…"), so it sounds less like blame and is easier to accept. (a) is a "you-message"; (c) and (d) judge the person by appealing to norms or to others.',
    },
    skillTags: ['コミュニケーション'],
    level: 'new_hire',
    difficultyPrior: 1.4,
    status: 'published',
  },
  {
    type: 'single_choice',
    stem: {
      ja: 'アサーションの「DESC法」では、D（Describe：客観的な事実の描写）→E（Express／Explain：気持ちの表現・説明）→S（Specify／Suggest：具体的な提案）→C（Choose／Consequence：選択・結果）の順に伝える。会議資料の共有が遅い同僚への次の発言のうち、Sに当たるものはどれか。',
      en: 'The DESC method for assertive requests runs D (Describe the facts objectively) → E (Express/Explain your feelings) → S (Specify/Suggest a concrete request) → C (Choose/Consequences). Speaking to a colleague who shares meeting materials late, which of these statements is the S step?',
    },
    options: [
      {
        id: 'a',
        text: {
          ja: '「そうしてもらえれば事前に目を通して準備ができるので、会議も短くなると思います。難しければ、いつなら可能か相談させてください」',
          en: "\"If you could, I'd be able to read them beforehand and the meetings would be shorter. If that's difficult, let's talk about what would work.\"",
        },
      },
      {
        id: 'b',
        text: {
          ja: '「この1週間で、会議資料の共有が開始直前になったことが3回ありました」',
          en: '"Three times this past week, the meeting materials were shared just before the start."',
        },
      },
      {
        id: 'c',
        text: {
          ja: '「直前だと目を通せないまま会議に臨むことになり、議論が深まらないので困っています」',
          en: '"When that happens I go in without having read them and the discussion stays shallow, which is a problem for me."',
        },
      },
      {
        id: 'd',
        text: {
          ja: '「今後は、会議の前日の17時までに共有してもらえませんか」',
          en: '"From now on, could you share them by 5 p.m. the day before?"',
        },
      },
    ],
    correctOptionIds: ['d'],
    explanation: {
      ja: 'Sは、相手にしてほしい具体的な行動を現実的な提案として示すステップです。bはD（事実）、cはE（気持ち）、aはC（受け入れられた場合の結果と、難しい場合の選択肢）に当たります。',
      en: 'S states the specific, realistic action you are asking for. (b) is D (facts), (c) is E (feelings) and (a) is C (what follows if accepted, and an alternative if not).',
    },
    skillTags: ['コミュニケーション'],
    level: 'junior',
    difficultyPrior: 1.9,
    status: 'published',
  },
];
