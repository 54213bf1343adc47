import type { Level } from '@manabi/core';
import type { LocalizedText } from './text.js';
import type { Proficiency, SkillFrameworkInput } from './framework.js';

// The framework seeded at signup. Descriptors are observable behaviour on one shared ladder:
// 1 = little knowledge, acts under guidance; 2 = does routine work alone; 3 = independent and
// adapts to the situation; 4 = handles hard cases and supports others; 5 = teaches others / leads
// the organisation. Requirements rise with the level (階層): rules that protect the company
// (compliance, information security) are required high from the first day, while leadership and
// people management start at team leader.

type Descriptor = readonly [ja: string, en: string];

function skill(
  id: string,
  name: Descriptor,
  description: Descriptor,
  proficiencyLevels: readonly [Descriptor, Descriptor, Descriptor, Descriptor, Descriptor],
  required: Partial<Record<Level, Proficiency>>,
) {
  const text = ([ja, en]: Descriptor): LocalizedText => ({ ja, en });
  const [l1, l2, l3, l4, l5] = proficiencyLevels;
  return {
    id,
    name: text(name),
    description: text(description),
    proficiencyLevels: { 1: text(l1), 2: text(l2), 3: text(l3), 4: text(l4), 5: text(l5) },
    required,
  };
}

export const DEFAULT_FRAMEWORK: SkillFrameworkInput = {
  jobRoles: [],
  categories: [
    {
      id: 'foundations',
      name: { ja: '社会人基礎', en: 'Professional foundations' },
      skills: [
        skill(
          'business-basics',
          ['ビジネス基礎', 'Business basics'],
          [
            '挨拶・身だしなみ・言葉遣い、報連相（報告・連絡・相談）、時間と約束の管理など、組織で働くうえでの基本動作。',
            'Workplace fundamentals: greetings, appearance, polite language (keigo), reporting and consulting (hō-ren-sō), and keeping time and commitments.',
          ],
          [
            [
              'ビジネスマナーや報連相の知識がほとんどなく、指導を受けながら実施する。',
              'Knows little of business etiquette or hō-ren-sō; acts under guidance.',
            ],
            [
              '基本的な敬語・挨拶・電話応対ができ、指示されれば報連相を行う。',
              'Uses basic keigo, greetings and phone manners; reports and consults when prompted.',
            ],
            [
              '状況に応じたマナーで社内外に対応し、自ら適切なタイミングで報連相を行い、期限を守る。',
              'Handles internal and external contacts with etiquette suited to the situation; reports and consults on own initiative at the right time and meets deadlines.',
            ],
            [
              '来客・会食・クレームの初期対応など難しい場面でも適切に振る舞い、後輩の行動を見て助言できる。',
              'Behaves appropriately in demanding situations (visitors, business dinners, first response to complaints) and advises juniors on their conduct.',
            ],
            [
              '職場の基本動作の模範となり、新人研修を設計・実施して組織の水準を引き上げる。',
              'Is the role model for workplace fundamentals; designs and delivers new-hire training that raises the standard across the organisation.',
            ],
          ],
          { pre_hire: 1, new_hire: 2, junior: 3, mid: 4, leader: 4, manager: 4 },
        ),
        skill(
          'communication',
          ['コミュニケーション', 'Communication'],
          [
            '相手の話を傾聴し、要点を分かりやすく伝え、合意を形成する力。',
            'Listening actively, conveying points clearly and building agreement.',
          ],
          [
            [
              '自分の考えを言葉にするのに支援が必要で、相手の意図を取り違えることがある。',
              'Needs help putting own thoughts into words; sometimes misreads what others mean.',
            ],
            [
              '身近な相手に要件を正確に伝え、分からない点を質問して確認できる。',
              'Conveys requests accurately to close colleagues and asks questions to confirm what is unclear.',
            ],
            [
              '結論から簡潔に話し・書き、相手の立場に配慮しながら社内外の関係者と調整できる。',
              'Speaks and writes concisely, conclusion first; coordinates with stakeholders inside and outside the company while considering their positions.',
            ],
            [
              '利害が対立する場面でも論点を整理して合意を形成し、会議をファシリテーションできる。',
              'Builds agreement even when interests conflict by structuring the issues; facilitates meetings.',
            ],
            [
              '組織内外の難しい交渉や説明を担い、他者のコミュニケーション力を指導できる。',
              'Leads difficult negotiations and explanations inside and outside the organisation; coaches others in communication.',
            ],
          ],
          { pre_hire: 1, new_hire: 2, junior: 2, mid: 3, leader: 4, manager: 4 },
        ),
        skill(
          'teamwork',
          ['チームワーク', 'Teamwork'],
          [
            'チームの目標を理解し、役割を果たしながらメンバーと協力して成果を出す力。',
            "Understanding the team's goal, playing one's role and working with others to deliver results.",
          ],
          [
            ['自分の作業に集中し、周囲との協力には声掛けや指導が必要。', 'Focuses on own tasks; needs prompting to cooperate with others.'],
            [
              '割り当てられた役割を果たし、進捗や困りごとをチームに共有できる。',
              'Fulfils the assigned role and shares progress and problems with the team.',
            ],
            [
              'チームの目標を踏まえて自ら周囲を手伝い、意見の違いを建設的に扱える。',
              'Helps others on own initiative in light of the team goal; handles disagreements constructively.',
            ],
            [
              'メンバーの強みを生かす役割分担を提案し、部署間の協力体制を作れる。',
              "Proposes a division of roles that uses members' strengths; builds cooperation across departments.",
            ],
            [
              '心理的安全性の高いチーム文化を作り、組織横断のチームを成果に導ける。',
              'Builds a team culture of psychological safety and leads cross-organisational teams to results.',
            ],
          ],
          { pre_hire: 1, new_hire: 2, junior: 3, mid: 3, leader: 4, manager: 4 },
        ),
      ],
    },
    {
      id: 'compliance-and-security',
      name: { ja: 'ルール・リスク管理', en: 'Rules and risk' },
      skills: [
        skill(
          'compliance',
          ['コンプライアンス', 'Compliance'],
          [
            '法令・社内規程・企業倫理を理解し、ハラスメントや不正を防ぐ行動をとる力。',
            'Understanding laws, company rules and business ethics, and acting to prevent harassment and misconduct.',
          ],
          [
            [
              'コンプライアンスの範囲や社内規程を知らず、判断に迷う場面で指導を要する。',
              'Does not yet know what compliance covers or the company rules; needs guidance when unsure.',
            ],
            [
              '就業規則・ハラスメント防止・個人情報保護の基本を理解し、ルールに沿って行動する。',
              'Understands the basics of work rules, harassment prevention and personal-data protection, and follows them.',
            ],
            [
              'グレーな状況に気づいて立ち止まり、相談窓口や上長に適切に相談・報告できる。',
              'Notices grey areas, stops, and consults or reports to the right contact or manager.',
            ],
            [
              '担当業務に関わる法令（下請法・独占禁止法・労働法など）を踏まえて業務を進め、周囲の違反の芽に対処できる。',
              'Runs own work within the laws that apply to it (e.g. subcontracting, antitrust and labour law) and deals with early signs of violations around them.',
            ],
            [
              '部門のコンプライアンス体制や教育を主導し、不正発生時に是正と再発防止をリードする。',
              "Leads the department's compliance system and training; leads correction and prevention of recurrence when misconduct occurs.",
            ],
          ],
          { pre_hire: 2, new_hire: 3, junior: 3, mid: 4, leader: 4, manager: 5 },
        ),
        skill(
          'information-security',
          ['情報セキュリティ', 'Information security'],
          [
            '情報資産を守るためのルールを理解し、日々の業務で安全に情報を扱う力。',
            'Understanding the rules that protect information assets and handling information safely in daily work.',
          ],
          [
            [
              'パスワード管理や不審メールの危険性を知らず、指導を受けて対応する。',
              'Unaware of password hygiene or the danger of suspicious emails; acts under guidance.',
            ],
            [
              '社内のセキュリティルール（パスワード・持ち出し・クリアデスク）を守り、不審メールを開かずに報告できる。',
              'Follows the company security rules (passwords, taking data out, clear desk) and reports suspicious emails without opening them.',
            ],
            [
              '情報の機密区分に応じて共有範囲や送信方法を判断し、インシデントの兆候を速やかに報告できる。',
              "Chooses sharing scope and transfer method by the information's classification; reports signs of an incident promptly.",
            ],
            [
              'クラウドサービスや外部委託のリスクを評価し、チームの運用ルールを整備・点検できる。',
              "Assesses the risks of cloud services and outsourcing; sets up and audits the team's operating rules.",
            ],
            [
              '組織のセキュリティ方針や教育を主導し、インシデント発生時の対応を指揮できる。',
              "Leads the organisation's security policy and training; directs the response when an incident occurs.",
            ],
          ],
          { pre_hire: 2, new_hire: 3, junior: 3, mid: 3, leader: 4, manager: 4 },
        ),
      ],
    },
    {
      id: 'thinking',
      name: { ja: '思考力', en: 'Thinking skills' },
      skills: [
        skill(
          'logical-thinking',
          ['論理的思考', 'Logical thinking'],
          [
            '物事を構造的に整理し、筋道を立てて考え、根拠をもって結論を導く力。',
            'Structuring issues, reasoning step by step and reaching conclusions backed by evidence.',
          ],
          [
            [
              '考えを整理するのに支援が必要で、結論と根拠が結びつかないことがある。',
              'Needs help organising thoughts; conclusions and reasons are sometimes disconnected.',
            ],
            [
              '指示されれば結論→理由→具体例の順で説明でき、事実と意見を区別できる。',
              'When asked, explains in the order conclusion → reasons → examples, and separates facts from opinions.',
            ],
            [
              'ロジックツリーや MECE を使って課題を分解し、根拠を示して自分の結論を説明できる。',
              'Breaks problems down with logic trees and MECE, and explains own conclusions with evidence.',
            ],
            [
              '複雑で情報が不完全な状況でも仮説を立てて検証し、説得力のある提案をまとめられる。',
              'Forms and tests hypotheses even with complex, incomplete information, and assembles persuasive proposals.',
            ],
            [
              '組織の重要な意思決定の論点を設計し、他者の思考を整理・指導できる。',
              "Frames the issues for important organisational decisions and guides others' reasoning.",
            ],
          ],
          { pre_hire: 1, new_hire: 2, junior: 3, mid: 3, leader: 4, manager: 4 },
        ),
        skill(
          'problem-solving',
          ['問題解決', 'Problem solving'],
          [
            '現状と目指す姿のギャップから問題を特定し、真因を分析して解決策を実行・定着させる力。',
            'Identifying problems as gaps between the current and the target state, finding root causes, and implementing solutions that stick.',
          ],
          [
            [
              '問題に気づいても、原因や対策を考えるには指導が必要。',
              'Notices problems but needs guidance to think through causes and fixes.',
            ],
            [
              '担当業務の問題を報告し、指示された対策を確実に実行できる。',
              'Reports problems in own work and reliably carries out the assigned fixes.',
            ],
            [
              'なぜなぜ分析などで真因を特定し、複数の対策を比較して自ら実行・効果確認ができる。',
              'Finds root causes (e.g. 5 Whys), compares options, implements one and checks its effect independently.',
            ],
            [
              '部署をまたぐ問題でも関係者を巻き込んで PDCA を回し、再発防止の仕組みを作れる。',
              'Runs PDCA on cross-department problems with the people involved and builds mechanisms that prevent recurrence.',
            ],
            [
              '組織の重要課題を設定して全社的な改善活動をリードし、問題解決の手法を教えられる。',
              "Sets the organisation's key issues, leads company-wide improvement and teaches problem-solving methods.",
            ],
          ],
          { new_hire: 1, junior: 2, mid: 3, leader: 4, manager: 4 },
        ),
      ],
    },
    {
      id: 'business-literacy',
      name: { ja: 'ビジネスリテラシー', en: 'Business literacy' },
      skills: [
        skill(
          'excel-it',
          ['Excel・IT', 'Excel and IT'],
          [
            'Excel などの表計算、業務ツール、データを使いこなし、業務を効率化する力。',
            'Using spreadsheets such as Excel, business tools and data to work efficiently.',
          ],
          [
            [
              'PC の基本操作やファイル管理に支援が必要で、Excel はデータ入力程度。',
              'Needs help with basic PC operation and file management; in Excel, enters data only.',
            ],
            [
              'Excel で四則演算・SUM・並べ替え・フィルタを使い、定型の表を作成できる。',
              'Builds routine sheets in Excel with arithmetic, SUM, sort and filter.',
            ],
            [
              'VLOOKUP/XLOOKUP・IF・ピボットテーブル・グラフで集計・分析し、見やすい資料にまとめられる。',
              'Aggregates and analyses with VLOOKUP/XLOOKUP, IF, pivot tables and charts, and presents the result clearly.',
            ],
            [
              'マクロや Power Query、業務システムの連携で手作業を自動化し、チームの業務改善を進められる。',
              "Automates manual work with macros, Power Query or links between business systems, and drives the team's process improvement.",
            ],
            [
              '部門のデータ活用や DX 施策を企画・推進し、他者にツールの活用法を教えられる。',
              "Plans and drives the department's data use and digital initiatives; teaches others to use the tools.",
            ],
          ],
          { pre_hire: 1, new_hire: 2, junior: 3, mid: 3, leader: 3, manager: 3 },
        ),
        skill(
          'finance-basics',
          ['会計・財務の基礎', 'Finance basics'],
          [
            '売上・費用・利益の構造や財務諸表を理解し、数字に基づいて判断する力。',
            'Understanding revenue, cost and profit and the financial statements, and deciding on the numbers.',
          ],
          [
            [
              '売上と利益の違いなど、基本用語の理解に支援が必要。',
              'Needs help with basic terms such as the difference between revenue and profit.',
            ],
            [
              '売上・原価・利益の関係と、担当業務にかかるコストを説明できる。',
              'Explains how revenue, cost of sales and profit relate, and what own work costs.',
            ],
            [
              '損益計算書と貸借対照表の基本を読み、予算と実績の差異を説明できる。',
              'Reads the basics of the P&L and balance sheet; explains variances between budget and actual.',
            ],
            [
              '損益分岐点や投資対効果を計算し、施策や投資の判断材料をまとめられる。',
              'Calculates break-even points and return on investment to prepare decisions on initiatives and investments.',
            ],
            [
              '部門の予算策定と財務的な意思決定を主導し、他者に数字の見方を教えられる。',
              'Leads departmental budgeting and financial decisions; teaches others how to read the numbers.',
            ],
          ],
          { junior: 1, mid: 2, leader: 3, manager: 4 },
        ),
      ],
    },
    {
      id: 'leadership-and-management',
      name: { ja: 'リーダーシップ・マネジメント', en: 'Leadership and management' },
      skills: [
        skill(
          'leadership',
          ['リーダーシップ', 'Leadership'],
          [
            'ビジョンや方針を示し、メンバーを動機づけてチームを目標達成に導く力。',
            'Setting direction, motivating members and leading the team to its goals.',
          ],
          [
            [
              'リーダーの役割を担った経験がなく、指導を受けて小さな取りまとめを行う。',
              'Has not yet led; pulls small tasks together under guidance.',
            ],
            [
              '小さな作業グループの取りまとめ役として、段取りと進捗確認ができる。',
              'Coordinates a small working group: plans the steps and checks progress.',
            ],
            [
              'チームの目標と方針を示し、メンバーに役割を任せて成果を出せる。',
              "Sets the team's goal and approach, delegates roles to members and delivers results.",
            ],
            [
              '変化や困難な状況でも方向性を示してメンバーを動機づけ、意思決定の責任を負える。',
              'Gives direction and motivates members through change and difficulty; takes responsibility for decisions.',
            ],
            [
              '組織のビジョンを描いて変革をリードし、次世代のリーダーを育成できる。',
              "Sets the organisation's vision, leads transformation and develops the next generation of leaders.",
            ],
          ],
          { leader: 3, manager: 4 },
        ),
        skill(
          'coaching',
          ['コーチング', 'Coaching'],
          [
            '問いかけと傾聴によって相手の気づきと自律的な成長を促す力（OJT 指導を含む）。',
            'Helping others find their own answers and grow through questions and listening (including on-the-job training).',
          ],
          [
            [
              'コーチングと指示・助言の違いを知らず、後輩への関わり方に指導が必要。',
              'Does not yet know how coaching differs from instructing; needs guidance in supporting juniors.',
            ],
            [
              '後輩の質問に丁寧に答え、業務手順を分かりやすく教えられる。',
              "Answers juniors' questions carefully and teaches work procedures clearly.",
            ],
            [
              'OJT トレーナーとして育成計画を立て、傾聴と質問で本人の考えを引き出せる。',
              "As an OJT trainer, makes a development plan and draws out the learner's thinking by listening and asking.",
            ],
            [
              '1on1 を定期的に行い、GROW モデルなどで目標設定と振り返りを支援して行動変容につなげられる。',
              'Holds regular one-on-ones, supports goal setting and reflection (e.g. the GROW model) and turns them into changes in behaviour.',
            ],
            [
              '組織に育成・コーチングの文化を作り、コーチ役の上司を指導できる。',
              'Builds a development and coaching culture and trains managers as coaches.',
            ],
          ],
          { mid: 2, leader: 3, manager: 4 },
        ),
        skill(
          'people-management',
          ['マネジメント', 'People management'],
          [
            '目標設定・評価・業務配分・労務管理を通じて、組織とメンバーの成果を最大化する力。',
            'Maximising team and individual results through goal setting, evaluation, work allocation and labour management.',
          ],
          [
            [
              '管理職の役割や人事評価の仕組みを知らず、指導を受けて関わる。',
              "Does not yet know the manager's role or how appraisals work; takes part under guidance.",
            ],
            [
              '人事評価・労働時間管理の基本ルールを理解し、上司を補佐して業務配分を手伝える。',
              'Understands the basic rules of appraisal and working-hours management; helps the manager allocate work.',
            ],
            [
              'メンバーの目標設定と評価面談を行い、業務量と労働時間を適切に管理できる。',
              'Sets goals with members, holds appraisal interviews and manages workload and working hours properly.',
            ],
            [
              '部門目標を個人目標に展開し、公正な評価・配置・育成で組織の成果を上げられる。',
              'Cascades department goals into individual goals and raises results through fair evaluation, staffing and development.',
            ],
            [
              '複数部門の組織設計や人材戦略を担い、管理職を育成できる。',
              'Designs organisations across departments, owns the people strategy and develops managers.',
            ],
          ],
          { leader: 2, manager: 4 },
        ),
      ],
    },
  ],
};
