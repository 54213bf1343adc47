/**
 * Every message the question import and export report, in Japanese and English: what happened,
 * in the person's words, and what they can do about it. Issues carry the key and its values
 * (`{name}`); the API words them in the request's language (renderMessage). catalog.test.ts
 * fails on a key without both languages or with placeholders that differ between them, and the
 * type checker holds every call to its template's placeholders (msg()).
 */
export const QUESTION_MESSAGES = {
  // Question types and parts, used inside other messages.
  'type.single_choice': { ja: '単一選択', en: 'single choice' },
  'type.multiple_response': { ja: '複数選択', en: 'multiple response' },
  'type.true_false': { ja: '正誤', en: 'true/false' },
  'type.ordering': { ja: '並べ替え', en: 'ordering' },
  'type.numeric': { ja: '数値', en: 'numeric' },
  'type.short_text': { ja: '記述（短答）', en: 'short answer' },
  'type.matching': { ja: '組み合わせ', en: 'matching' },
  'type.cloze': { ja: '穴埋め', en: 'cloze (multiple blanks)' },
  'type.essay': { ja: '論述', en: 'essay' },
  'type.description': { ja: '説明文', en: 'description' },
  'part.gap': { ja: '空欄 {number}', en: 'Blank {number}' },

  // The whole file.
  'file.too_many_items': {
    ja: 'このファイルには {count} 問あります。一度に取り込めるのは {max} 問までです。ファイルを分けて取り込んでください',
    en: 'The file holds {count} questions; at most {max} can be imported at once. Split it into several files.',
  },
  'file.xml_not_well_formed': {
    ja: 'XML の書き方に誤りがあり、読み取れません。この行の付近でタグの閉じ忘れや、「&」「<」がそのまま書かれていないかを確かめてください',
    en: 'The XML is not written correctly and cannot be read. Near this line, check for a tag that is not closed, or a bare "&" or "<".',
  },
  'file.xml_unreadable': {
    ja: 'XML として読み取れません。Moodle や LMS から書き出したファイルをそのまま選んでください',
    en: 'The file cannot be read as XML. Choose the file exactly as Moodle or your LMS exported it.',
  },
  'file.not_moodle_xml': {
    ja: 'Moodle XML の問題ファイルではありません（先頭の要素が <quiz> ではありません）。Moodle の「問題バンク → エクスポート」で「Moodle XML 形式」を選んで書き出したファイルを選んでください',
    en: 'This is not a Moodle XML question file (its root element is not <quiz>). In Moodle, export the question bank in the "Moodle XML format" and choose that file.',
  },

  // CSV.
  'csv.unreadable': {
    ja: 'CSV として読み取れません。この行の付近で、値を囲む「"」の閉じ忘れがないか、区切りがカンマかを確かめてください',
    en: 'The file cannot be read as CSV. Near this line, check that every opening " is closed and that values are separated by commas.',
  },
  'csv.empty': {
    ja: 'ファイルが空です。見出し行と問題の行がある CSV を選んでください',
    en: 'The file is empty. Choose a CSV with a header row and one row per question.',
  },
  'csv.no_rows': {
    ja: '見出し行のほかに問題の行がありません。2 行目から 1 行に 1 問ずつ書いてください',
    en: 'There are no question rows after the header. Write one question per row from the second row on.',
  },
  'csv.too_many_rows': {
    ja: 'このファイルには {count} 行あります。一度に取り込めるのは {max} 行までです。ファイルを分けて取り込んでください',
    en: 'The file has {count} rows; at most {max} can be imported at once. Split it into several files.',
  },
  'csv.field_count': {
    ja: 'この行の値の数（{fields}）が見出し行の列数（{columns}）より多くなっています。カンマを含む値は "…" で囲んでください',
    en: 'This row has {fields} values but the header has {columns} columns. Put values that contain a comma in double quotes.',
  },
  'csv.unknown_column': {
    ja: '列「{column}」は使わない列のため、取り込みません。列名をテンプレートと見比べてください',
    en: 'The column "{column}" is not one Manabi reads, so it is not imported. Compare the column names with the template.',
  },
  'csv.duplicate_column': {
    ja: '列「{column}」が 2 回以上あります。1 列にまとめてください',
    en: 'The column "{column}" appears more than once. Keep only one.',
  },
  'csv.type_column_missing': {
    ja: '必須の列「type（種類）」がありません。見出し行に追加してください',
    en: 'The required column "type" is missing. Add it to the header row.',
  },
  'csv.stem_column_missing': {
    ja: '問題文の列（stem_ja か stem_en）がありません。見出し行に追加してください',
    en: 'There is no question text column (stem_ja or stem_en). Add one to the header row.',
  },
  'csv.not_boolean': {
    ja: '「{value}」は true / false として読めません。true か false（○・× でも可）を入れてください',
    en: '"{value}" cannot be read as true or false. Enter true or false.',
  },
  'csv.type_required': {
    ja: '種類（type）を入れてください（single_choice・multiple_response・true_false・ordering・numeric・short_text）',
    en: 'Enter the question type (single_choice, multiple_response, true_false, ordering, numeric or short_text).',
  },
  'csv.type_no_columns': {
    ja: '{type}の問題は CSV では表せません。Moodle XML・QTI・GIFT のファイルで取り込んでください',
    en: 'A {type} question cannot be written in CSV. Import it from a Moodle XML, QTI or GIFT file.',
  },
  'csv.type_unsupported': {
    ja: '種類「{type}」の問題は CSV では取り込めません。問題の編集画面で作成するか、Moodle XML・QTI で取り込んでください',
    en: 'A question of type "{type}" cannot be imported from CSV. Create it in the question editor, or import it from Moodle XML or QTI.',
  },
  'csv.type_unknown': {
    ja: '種類「{type}」はありません。single_choice・multiple_response・true_false・ordering・numeric・short_text（または 単一選択・複数選択・正誤・並べ替え・数値・記述）のどれかを入れてください',
    en: 'There is no question type "{type}". Enter one of single_choice, multiple_response, true_false, ordering, numeric or short_text.',
  },
  'csv.stem_required': {
    ja: '問題文（stem_ja か stem_en）を入れてください',
    en: 'Enter the question text (stem_ja or stem_en).',
  },
  'csv.option_gap': {
    ja: '選択肢 {gap} が空なのに選択肢 {next} があります。選択肢は 1 から順に詰めて入れてください',
    en: 'Option {gap} is empty but option {next} is not. Fill the options in order from option 1.',
  },
  'csv.two_options': {
    ja: '選択肢を 2 つ以上（option1、option2）入れてください',
    en: 'Enter at least 2 options (option1, option2).',
  },
  'csv.options_unused': {
    ja: '{type}の問題は選択肢を使わないため、選択肢は取り込みません',
    en: 'A {type} question has no options, so the options are not imported.',
  },
  'csv.correct_numbers': {
    ja: '正解「{value}」を読み取れません。1〜{count} の選択肢の番号を「;」で区切って入れてください',
    en: 'The correct answer "{value}" cannot be read. Enter option numbers from 1 to {count}, separated by ";".',
  },
  'csv.column_unused': {
    ja: '列 {column} は{type}の問題では使わないため、取り込みません',
    en: 'A {type} question does not use the column {column}, so it is not imported.',
  },
  'csv.correct_required_choice': {
    ja: '正解（correct）に正しい選択肢の番号を入れてください',
    en: 'Enter the number of the correct option in the correct column.',
  },
  'csv.single_one_correct': {
    ja: '単一選択の正解は 1 つです。正解が複数あるときは種類を multiple_response（複数選択）にしてください',
    en: 'A single-choice question has exactly one correct option. If several are right, set the type to multiple_response.',
  },
  'csv.correct_required_tf': {
    ja: '正解（correct）に true か false を入れてください',
    en: 'Enter true or false in the correct column.',
  },
  'csv.not_a_number': {
    ja: '正解「{value}」は数値として読めません。数値だけを入れてください',
    en: 'The correct answer "{value}" is not a number. Enter a number only.',
  },
  'csv.value_required': {
    ja: '正解（correct）に正しい数値を入れてください',
    en: 'Enter the correct number in the correct column.',
  },
  'csv.tolerance': {
    ja: '許容誤差「{value}」は 0 以上の数値にしてください',
    en: 'The tolerance "{value}" must be a number of 0 or more.',
  },
  'csv.accepted_required': {
    ja: '正答（accepted）を入れてください。複数あるときは「;」で区切ります',
    en: 'Enter the accepted answers in the accepted column, separated by ";".',
  },
  'csv.correct_unused_short': {
    ja: '記述（短答）の問題は正答を accepted 列から読むため、correct 列は取り込みません',
    en: 'A short-answer question reads its answers from the accepted column, so the correct column is not imported.',
  },
  'csv.level_unknown': {
    ja: '階層「{value}」はありません。{levels} か日本語の名前（内定者〜管理職）を入れてください',
    en: 'There is no level "{value}". Enter one of {levels}, or its Japanese name.',
  },
  'csv.difficulty': {
    ja: '難易度「{value}」は -5（易しい）〜 5（難しい）の数値にしてください',
    en: 'The difficulty "{value}" must be a number from -5 (easy) to 5 (hard).',
  },

  // Weighted answers (GIFT and Moodle XML multiple choice).
  'choice.no_correct': {
    ja: '正解の答えがありません。正解の答えに満点（GIFT では「=」、Moodle では 100%）を付けてください',
    en: 'No answer is marked correct. Give the right answer full marks ("=" in GIFT, 100% in Moodle).',
  },
  'choice.single_no_full': {
    ja: '答えを 1 つ選ぶ問題なのに、満点（100%）の答えがありません。正解の答えを 100% にしてください',
    en: 'This one-answer question has no answer worth 100%. Give the right answer 100%.',
  },
  'choice.several_full': {
    ja: '{count} 個の答えが満点（100%）になっています。単一選択の正解は 1 つです。正解を 1 つにするか、複数選択の問題にしてください',
    en: '{count} answers give full marks, but a single-choice question has exactly one correct option. Keep one, or make it a multiple-response question.',
  },
  'choice.partial_dropped': {
    ja: '「{answer}」の部分点（{weight}）は取り込みません。100% の答えだけが正解になります',
    en: 'The partial credit of {weight} for "{answer}" is not kept: only the 100% answer counts as right.',
  },
  'choice.weights_sum': {
    ja: '正解の答えの配点の合計が 100% ではなく {sum} です。配点を確かめてください',
    en: 'The correct answers add up to {sum}, not 100%. Check their weights.',
  },
  'choice.weights_dropped': {
    ja: '配点 {weights} はそのままでは取り込みません。Manabi の部分点は（正しく選んだ数 − 誤って選んだ数）÷ {count} です',
    en: 'The weights {weights} are not kept as they are: Manabi gives (right picks − wrong picks) ÷ {count} as partial credit.',
  },

  // Answers, in any format.
  'answer.partial_dropped': {
    ja: '部分点の答え「{answer}」（{weight}）は取り込みません。満点の答えだけが正解になります',
    en: 'The partial-credit answer "{answer}" ({weight}) is not kept: only answers with full marks count as right.',
  },
  'answer.wrong_feedback_dropped': {
    ja: '誤答「{answer}」へのフィードバックは取り込みません',
    en: 'The feedback for the wrong answer "{answer}" is not kept.',
  },
  'answer.feedback_per_answer': {
    ja: '正答ごとに異なるフィードバック（{count} 種類）は取り込みません。最初のものだけを使います',
    en: 'Different feedback per accepted answer ({count} texts) is not kept; only the first one is used.',
  },
  'answer.catch_all_full': {
    ja: '「*」（どんな答えでも正解）に満点が付いているため、採点できません。正しい答えを具体的に書いてください',
    en: 'The answer "*" (anything) has full marks, so the question cannot be scored. Write the right answers out.',
  },
  'answer.wildcard': {
    ja: '答え「{answer}」の「*」はワイルドカード（任意の文字）ですが、Manabi では使えません。正しい答えをすべて書き出してください',
    en: 'The answer "{answer}" uses "*" as a wildcard, which Manabi does not support. List every right answer instead.',
  },
  'answer.wildcard_gift': {
    ja: '答え「{answer}」の「*」はワイルドカード（任意の文字）ですが、Manabi では使えません。正しい答えをすべて書き出してください（「*」という文字のときは \\* と書きます）',
    en: 'The answer "{answer}" uses "*" as a wildcard, which Manabi does not support. List every right answer instead (write \\* for an asterisk).',
  },
  'numeric.not_a_number': {
    ja: '数値の答え「{value}」は数値として読めません。数値だけを書いてください',
    en: 'The numeric answer "{value}" is not a number. Write a number only.',
  },
  'numeric.partial_dropped': {
    ja: '部分点の答え {value}±{tolerance}（{weight}）は取り込みません。満点の答えだけが正解になります',
    en: 'The partial-credit answer {value}±{tolerance} ({weight}) is not kept: only the answer with full marks counts.',
  },
  'numeric.wrong_feedback_dropped': {
    ja: '誤答 {value}±{tolerance} へのフィードバックは取り込みません',
    en: 'The feedback for the wrong answer {value}±{tolerance} is not kept.',
  },
  'numeric.no_full': {
    ja: '満点の数値の答えがありません。正解の数値に満点（GIFT では「=」、Moodle では 100%）を付けてください',
    en: 'No numeric answer has full marks. Give the right value full marks ("=" in GIFT, 100% in Moodle).',
  },
  'numeric.several_full': {
    ja: '{count} 個の数値の答えが満点です。Manabi の数値問題は正解の値と許容誤差を 1 組だけ持ちます。1 つの値と許容誤差にまとめてください',
    en: '{count} numeric answers give full marks, but a Manabi numeric question keeps one value and tolerance. Combine them into one.',
  },
  'numeric.any_number_full': {
    ja: '「*」（どんな数値でも正解）に満点が付いているため、採点できません。正しい数値を書いてください',
    en: 'The answer "*" (any number) has full marks, so the question cannot be scored. Write the right value.',
  },

  // GIFT.
  'gift.braces': {
    ja: '答えの部分が「{」で始まり「}」で閉じていません。{ と } の対応を確かめてください（文字として使うときは \\{ \\} と書きます）',
    en: 'The answers must start with "{" and end with "}". Check that every { has its }; to write a brace as text, type \\{ or \\}.',
  },
  'gift.mc_two_answers': {
    ja: '選択式の問題には答えが 2 つ以上必要です。「~」に続けて誤答を追加してください',
    en: 'A multiple-choice question needs at least two answers. Add wrong answers, each after a "~".',
  },
  'gift.short_one_answer': {
    ja: '短答の問題に答えがありません。「=」に続けて正答を書いてください',
    en: 'The short-answer question has no answer. Write the right answer after an "=".',
  },
  'gift.matching_arrow': {
    ja: '組み合わせ「{pair}」に「->」がありません。「=問い -> 答え」の形で書いてください',
    en: 'The pair "{pair}" has no "->". Write each pair as "=prompt -> answer".',
  },
  'gift.matching_two_pairs': {
    ja: '組み合わせの問題には「=問い -> 答え」の組が 2 つ以上必要です',
    en: 'A matching question needs at least two "=prompt -> answer" pairs.',
  },
  'gift.numeric_no_answer': {
    ja: '数値の問題に答えがありません。「#」のあとに正解の数値を書いてください（例: #3.14:0.01）',
    en: 'The numeric question has no answer. Write the right value after "#" (for example #3.14:0.01).',
  },
  'gift.not_a_number': {
    ja: '「{value}」は数値として読めません。「数値」「数値:許容誤差」「下限..上限」のどれかで書いてください',
    en: '"{value}" cannot be read as a number. Write a number, number:margin, or low..high.',
  },
  'gift.tilde_equals': {
    ja: '「~=」を正解として読みました（Moodle と同じ読み方です）。意図どおりか確かめ、正解には「=」だけを付けてください',
    en: '"~=" was read as a correct answer, as Moodle reads it. Check that this is meant, and mark right answers with "=" alone.',
  },

  // Moodle XML.
  'xml.type_match': {
    ja: '種類「match」は取り込めません。Moodle XML の組み合わせ問題は type="matching" で書き出されます。Moodle から書き出し直してください',
    en: 'The type "match" cannot be imported: Moodle XML writes matching questions as type="matching". Export the question from Moodle again.',
  },
  'xml.type_unsupported': {
    ja: '種類「{type}」の問題には対応していないため、取り込みません。Manabi の問題の種類に作り直してください',
    en: 'Questions of type "{type}" are not supported and are not imported. Recreate it as one of Manabi’s question types.',
  },
  'xml.type_none': { ja: '（なし）', en: '(none)' },
  'xml.partially_correct_dropped': {
    ja: '「部分的に正解」のときのフィードバックは取り込みません',
    en: 'The feedback for a partly correct answer is not kept.',
  },
  'xml.response_template_dropped': {
    ja: '解答のひな形は取り込みません。受講者は空の欄から解答します',
    en: 'The response template is not kept: learners start from an empty text.',
  },
  'xml.attachments_dropped': {
    ja: 'ファイルの添付は取り込みません。受講者は文章で解答します',
    en: 'File attachments are not kept: learners answer in text.',
  },
  'xml.true_false': {
    ja: '正誤問題には、「true」か「false」のどちらか一方だけに 100% を付けてください',
    en: 'Give exactly one of "true" and "false" 100% in a true/false question.',
  },
  'xml.units_dropped': {
    ja: '単位（{units}）は取り込みません。答えは数値だけで採点します',
    en: 'The units ({units}) are not kept: answers are scored as plain numbers.',
  },
  'xml.fixed_order_dropped': {
    ja: '答えの表示順の固定は取り込みません。テストの選択肢シャッフルの設定に従います',
    en: 'The fixed order of the answers is not kept: the test’s option shuffling applies.',
  },
  'xml.ordering_subset': {
    ja: '項目の一部だけを並べ替える設定（selecttype {select}、selectcount {count}）には対応していません。すべての項目を並べ替える設定にしてください',
    en: 'Ordering a subset of the items (selecttype {select}, selectcount {count}) is not supported. Set it to order all items.',
  },
  'xml.ordering_grading_dropped': {
    ja: '部分点の付け方 {grading} は取り込みません。Manabi は並び順が完全に正しいときだけ正解にします',
    en: 'The partial grading {grading} is not kept: Manabi scores the exact order only (all or nothing).',
  },
  'xml.hints_dropped': {
    ja: 'ヒント（{count} 件）は取り込みません',
    en: 'The {count} hint(s) are not kept.',
  },
  'xml.file_dropped': {
    ja: 'ファイル「{name}」は取り込みません（取り込むのは問題文に表示される画像だけです）',
    en: 'The file "{name}" is not imported (only images shown in the question text are).',
  },

  // Moodle embedded answers (cloze).
  'cloze.no_gaps': {
    ja: '問題文に空欄がありません。{1:SHORTANSWER:=答え} のような空欄を問題文に書いてください',
    en: 'The question text has no blanks. Write blanks such as {1:SHORTANSWER:=answer} in it.',
  },
  'cloze.weights_dropped': {
    ja: '空欄ごとの配点（{weights}）は取り込みません。どの空欄も同じ重みで採点します',
    en: 'Different blank weights ({weights}) are not kept: every blank counts the same.',
  },
  'cloze.multi_response': {
    ja: '{gap}（{type}）は複数の選択肢を選ぶ形式ですが、Manabi の空欄は答えを 1 つだけ取ります。1 つを選ぶ形式（MULTICHOICE）にしてください',
    en: '{gap} ({type}) lets the learner tick several options, but a Manabi blank takes one answer. Use a one-answer type (MULTICHOICE).',
  },
  'cloze.partial_dropped': {
    ja: '{gap}: 部分点の答え「{answer}」（{weight}）は取り込みません',
    en: '{gap}: the partial-credit answer "{answer}" ({weight}) is not kept.',
  },
  'cloze.feedback_dropped': {
    ja: '{gap}: 答えごとのフィードバックは取り込みません',
    en: '{gap}: the answer feedback is not kept.',
  },
  'cloze.no_full': {
    ja: '{gap}に満点の答えがありません。正しい答えの前に「=」を付けてください',
    en: '{gap} has no answer with full marks. Put "=" before the right answer.',
  },
  'cloze.wildcard': {
    ja: '{gap}: 答え「{answer}」の「*」はワイルドカード（任意の文字）ですが、Manabi では使えません。正しい答えをすべて書き出してください',
    en: '{gap}: the answer "{answer}" uses "*" as a wildcard, which Manabi does not support. List every right answer instead.',
  },
  'cloze.several_full_options': {
    ja: '{gap}に満点の選択肢が {count} 個あります。選択式の空欄の正解は 1 つにしてください',
    en: '{gap} has {count} options with full marks; a choice blank has one right option. Keep one.',
  },
  'cloze.several_full_numbers': {
    ja: '{gap}に満点の数値が {count} 個あります。数値の空欄は正解の値と許容誤差を 1 組だけ持ちます。1 つにまとめてください',
    en: '{gap} has {count} numbers with full marks; a numeric blank keeps one value and tolerance. Combine them into one.',
  },
  'cloze.not_a_number': {
    ja: '{gap}: 「{value}」は数値として読めません。「数値」か「数値:許容誤差」で書いてください',
    en: '{gap}: "{value}" is not a number. Write a number or number:tolerance.',
  },
  'cloze.gap_type': {
    ja: '{gap}の形式「{type}」は採点できません。短答（SHORTANSWER）・選択（MULTICHOICE）・数値（NUMERICAL）の空欄にしてください',
    en: '{gap} has the type "{type}", which Manabi cannot score. Use a short-answer, multiple-choice or numerical blank.',
  },

  // Matching pairs.
  'matching.prompt_without_answer': {
    ja: '問い「{prompt}」に対応する答えがありません。答えを書くか、問いを削除してください',
    en: 'The prompt "{prompt}" has no answer to match. Add its answer or remove the prompt.',
  },
  'matching.two_prompts': {
    ja: '組み合わせの問題には、答えのある問いが 2 つ以上必要です（いまは {count} つ）',
    en: 'A matching question needs at least 2 prompts with an answer (found {count}).',
  },
  'matching.two_answers': {
    ja: '組み合わせの問題には、異なる答えが 2 つ以上必要です',
    en: 'A matching question needs at least 2 different answers.',
  },

  // QTI.
  'qti.not_an_item_v1': {
    ja: 'QTI 1.x（questestinterop）のファイルには対応していません。LMS から QTI 2.1・2.2・3.0 で書き出し直してください',
    en: 'QTI 1.x (questestinterop) files are not supported. Export the questions from your LMS again as QTI 2.1, 2.2 or 3.0.',
  },
  'qti.not_an_item_test': {
    ja: 'これはテスト全体（assessmentTest）のファイルで、問題のファイルではありません。問題のファイルか、パッケージ全体（zip）を選んでください',
    en: 'This file describes a whole test (assessmentTest), not a question. Choose its item files, or the whole content package (zip).',
  },
  'qti.not_an_item': {
    ja: 'QTI の問題ファイルではありません（先頭の要素が <{root}> です）。assessmentItem のファイルか、パッケージ全体（zip）を選んでください',
    en: 'This is not a QTI item file (its root element is <{root}>). Choose an assessmentItem file or the whole content package (zip).',
  },
  'qti.template_variables': {
    ja: '受験のたびに値が変わる問題（テンプレート変数）には対応していません。値を固定した問題にしてください',
    en: 'Questions whose values change on every attempt (template variables) are not supported. Fix the values first.',
  },
  'qti.no_interaction': {
    ja: 'この問題には解答欄（interaction）がありません。解答のない説明だけの項目は QTI からは取り込めません',
    en: 'This item has no place to answer (no interaction). Items without an answer cannot be imported from QTI.',
  },
  'qti.interaction_unsupported': {
    ja: '解答形式 {kinds} には対応していないため、取り込みません',
    en: 'The answer format {kinds} is not supported, so the item is not imported.',
  },
  'qti.several_interactions': {
    ja: '1 つの問題に解答欄が {count} 個（{kinds}）あります。Manabi の問題は解答欄が 1 つです（空欄の穴埋めを除く）。問題を分けてください',
    en: 'This item has {count} answer areas ({kinds}); a Manabi question has one (except blanks in a text). Split it into several questions.',
  },
  'qti.content_dropped': {
    ja: '<{tag}> の内容は取り込みません',
    en: 'The content of <{tag}> is not kept.',
  },
  'qti.modal_feedback_dropped': {
    ja: '解答後に表示されるフィードバック（modalFeedback）は取り込みません',
    en: 'The feedback shown after answering (modal feedback) is not kept.',
  },
  'qti.custom_processing': {
    ja: '独自の採点処理は使いません。正解（correctResponse）と一致するかで採点します。正解の設定を確かめてください',
    en: 'The item’s own scoring rules are not used: it is scored against its correct response. Check that the correct response is right.',
  },
  'qti.no_declaration': {
    ja: '解答欄に対応する正解の定義（responseDeclaration「{id}」）がありません。ファイルが壊れていないか確かめてください',
    en: 'The answer area has no matching response declaration ("{id}"). Check that the file is complete.',
  },
  'qti.option_id': {
    ja: '選択肢の識別子「{id}」は ID として使えません（半角英数字と _ . - で 64 文字まで）',
    en: 'The choice identifier "{id}" cannot be used as an id (letters, digits, _ . - and at most 64 characters).',
  },
  'qti.order_cardinality': {
    ja: '並べ替えの解答（orderInteraction）は順序付きの解答（"ordered"）である必要があります（いまは "{cardinality}"）',
    en: 'An ordering answer (orderInteraction) needs an "ordered" response, not "{cardinality}".',
  },
  'qti.order_template_dropped': {
    ja: '採点方法 {template} は取り込みません。並び順が完全に正しいときだけ正解にします',
    en: 'The scoring rule {template} is not kept: only the exact order counts as right.',
  },
  'qti.mapped_scores_dropped': {
    ja: '選択肢ごとの得点（{scores}）は取り込みません。Manabi の部分点は（正しく選んだ数 − 誤って選んだ数）÷ {count} です',
    en: 'The scores per choice ({scores}) are not kept: Manabi gives (right picks − wrong picks) ÷ {count} as partial credit.',
  },
  'qti.choice_cardinality': {
    ja: '選択式の解答の形式 "{cardinality}" には対応していません',
    en: 'A choice answer of the kind "{cardinality}" is not supported.',
  },
  'qti.essay_cardinality': {
    ja: '論述の解答の形式 "{cardinality}" には対応していません。解答を 1 つの文章にしてください',
    en: 'An essay answer of the kind "{cardinality}" is not supported. Make it one text.',
  },
  'qti.xhtml_dropped': {
    ja: '書式付きの解答（xhtml）は取り込みません。受講者は書式なしの文章で解答します',
    en: 'Rich-text (xhtml) answers are not kept: learners answer in plain text.',
  },
  'qti.text_entry_cardinality': {
    ja: '入力欄の解答の形式 "{cardinality}" には対応していません。1 つの欄に 1 つの答えにしてください',
    en: 'A text entry of the kind "{cardinality}" is not supported. Use one answer per entry.',
  },
  'qti.numeric_one_value': {
    ja: '数値の入力欄には、数値の正解（correctResponse）を 1 つだけ設定してください',
    en: 'A numeric text entry needs exactly one numeric correct response.',
  },
  'qti.base_type': {
    ja: '入力欄の値の種類 "{baseType}" には対応していません（文字列・整数・小数に対応しています）',
    en: 'A text entry of the value type "{baseType}" is not supported (string, integer and float are).',
  },
  'qti.gap_no_declaration': {
    ja: '{gap}: 対応する正解の定義（responseDeclaration「{id}」）がありません。ファイルが壊れていないか確かめてください',
    en: '{gap}: there is no response declaration "{id}". Check that the file is complete.',
  },
  'qti.gap_cardinality': {
    ja: '{gap}: 解答の形式 "{cardinality}" には対応していません。空欄には答えを 1 つだけ設定してください',
    en: '{gap}: a "{cardinality}" response is not supported. Give each blank one answer.',
  },
  'qti.gap_option_id': {
    ja: '{gap}: 選択肢の識別子「{id}」は ID として使えません（半角英数字と _ . - で 64 文字まで）',
    en: '{gap}: the choice identifier "{id}" cannot be used as an id (letters, digits, _ . - and at most 64 characters).',
  },
  'qti.gap_one_correct': {
    ja: '{gap}には正しい選択肢をちょうど 1 つ設定してください（いまは {count} 個）',
    en: '{gap} needs exactly one correct choice (found {count}).',
  },
  'qti.gap_numeric': {
    ja: '{gap}: 数値の空欄には数値の正解を 1 つだけ設定してください',
    en: '{gap}: a numeric blank needs one numeric correct value.',
  },
  'qti.gap_base_type': {
    ja: '{gap}: 値の種類 "{baseType}" の入力欄には対応していません（文字列・整数・小数に対応しています）',
    en: '{gap}: a text entry of the value type "{baseType}" is not supported (string, integer and float are).',
  },
  'qti.match_no_declaration': {
    ja: '組み合わせの解答欄に対応する正解の定義（responseDeclaration「{id}」）がありません。ファイルが壊れていないか確かめてください',
    en: 'The matching answer area has no response declaration "{id}". Check that the file is complete.',
  },
  'qti.match_sets': {
    ja: '組み合わせの解答欄には、問いと答えの 2 つの組（simpleMatchSet）が必要です（いまは {count} つ）',
    en: 'A matching answer area needs two sets, prompts and answers (found {count}).',
  },
  'qti.match_id': {
    ja: '識別子「{id}」は ID として使えません（半角英数字と _ . - で 64 文字まで）',
    en: 'The identifier "{id}" cannot be used as an id (letters, digits, _ . - and at most 64 characters).',
  },
  'qti.match_several': {
    ja: '問い「{prompt}」に正しい組み合わせが複数あります。Manabi では問いごとに正解は 1 つです',
    en: 'The prompt "{prompt}" has several right matches; Manabi keys one answer per prompt. Keep one.',
  },
  'qti.match_missing': {
    ja: '問い「{prompt}」の正しい組み合わせが設定されていません。すべての問いに正解を 1 つ設定してください',
    en: 'The prompt "{prompt}" has no right match. Give every prompt one right answer.',
  },
  'qti.match_template_dropped': {
    ja: '採点方法 {template} は取り込みません。正しく組み合わせた問いの割合で採点します',
    en: 'The scoring rule {template} is not kept: Manabi scores the share of prompts matched.',
  },
  'qti.match_points_dropped': {
    ja: '組ごとの得点の違いは取り込みません。どの問いも同じ重みで採点します',
    en: 'Different points per pair are not kept: every prompt counts the same.',
  },

  // QTI content packages.
  'package.too_big': {
    ja: 'パッケージを展開すると {files} ファイルまたは {megabytes} MB を超えます。問題を分けて、より小さいパッケージにしてください',
    en: 'The package unpacks to more than {files} files or {megabytes} MB. Split the questions into smaller packages.',
  },
  'package.unreadable_zip': {
    ja: 'zip ファイルを開けません。書き出したファイルが壊れていないか確かめ、もう一度書き出してください',
    en: 'The zip cannot be opened. Check that the file is complete, or export it again.',
  },
  'package.manifest_unreadable': {
    ja: 'パッケージの目録（imsmanifest.xml）を読み取れません。LMS からもう一度書き出してください',
    en: 'The package’s manifest (imsmanifest.xml) cannot be read. Export the package from your LMS again.',
  },
  'package.missing_file': {
    ja: '目録に載っている「{name}」が zip の中にありません。パッケージをもう一度書き出してください',
    en: 'The manifest lists "{name}", but it is not in the zip. Export the package again.',
  },
  'package.no_items': {
    ja: '目録（imsmanifest.xml）に QTI の問題が 1 つも載っていません',
    en: 'The manifest (imsmanifest.xml) lists no QTI questions.',
  },
  'package.no_manifest': {
    ja: 'zip の中に目録（imsmanifest.xml）も QTI の問題ファイルもありません。QTI のパッケージを選んでください',
    en: 'The zip holds neither a manifest (imsmanifest.xml) nor QTI item files. Choose a QTI content package.',
  },

  // Images and other media in question text.
  'media.dropped': {
    ja: '画像・メディア「{src}」は取り込みません（本文は残ります）',
    en: 'The image or media "{src}" is not imported (the text is kept).',
  },
  'media.link_dropped': {
    ja: 'リンク先「{href}」は保存しません（リンクの文字は残ります）',
    en: 'The link target "{href}" is not kept (the link text is).',
  },
  'image.web_not_fetched': {
    ja: 'ほかのサイトの画像（{src}）は取得しません。画像をファイルに含めて取り込むか、取り込んだあとに問題の編集画面で追加してください',
    en: 'The image at {src} is not downloaded (images on other sites are never fetched). Include it in the file, or add it in the question editor after the import.',
  },
  'image.web_not_fetched_alt': {
    ja: 'ほかのサイトの画像（{src}）は取得しません。代わりの文字「{alt}」を残しました。画像は取り込んだあとに問題の編集画面で追加できます',
    en: 'The image at {src} is not downloaded (images on other sites are never fetched); its alt text "{alt}" is kept. You can add the image in the question editor after the import.',
  },
  'image.data_uri_unreadable': {
    ja: '埋め込まれた画像（data: URI）を読み取れません。画像を入れ直してから書き出してください',
    en: 'An embedded image (data: URI) cannot be read. Insert the image again and re-export.',
  },
  'image.data_uri_base64': {
    ja: '埋め込まれた画像（data: URI）のデータが壊れています。画像を入れ直してから書き出してください',
    en: 'An embedded image (data: URI) is damaged. Insert the image again and re-export.',
  },
  'image.moodle_outside': {
    ja: '画像「{name}」がファイルの中にありません（Moodle XML は画像をファイルの中に含めます）。画像を問題文に入れ直してから書き出してください',
    en: 'The image "{name}" is not in the file (Moodle XML carries images inside it). Insert the image in the question again and re-export.',
  },
  'image.moodle_missing': {
    ja: '問題文が画像「{name}」を表示していますが、その画像データが問題の中にありません。Moodle から書き出し直してください',
    en: 'The question shows the image "{name}", but its data is not in the question. Export the question from Moodle again.',
  },
  'image.moodle_base64': {
    ja: '画像「{name}」のデータが壊れています。Moodle から書き出し直してください',
    en: 'The data of the image "{name}" is damaged. Export the question from Moodle again.',
  },
  'image.gift_outside': {
    ja: '画像「{name}」は GIFT ファイルの中にありません（GIFT にはファイルを含められません）。画像を data: URI で埋め込むか、Moodle XML で取り込んでください',
    en: 'The image "{name}" is not in the GIFT file (GIFT carries no files). Embed it as a data: URI, or import the question from Moodle XML.',
  },
  'image.qti_single_file': {
    ja: '画像「{name}」はこの XML ファイルの外にあります。画像を含むパッケージ（imsmanifest.xml と画像の入った zip）を取り込んでください',
    en: 'The image "{name}" is outside this XML file. Upload the content package (the zip with imsmanifest.xml and the image) instead.',
  },
  'image.qti_not_in_package': {
    ja: '画像「{name}」がパッケージの中にありません。パッケージをもう一度書き出してください',
    en: 'The image "{name}" is not in the package. Export the package again.',
  },
  'image.qti_not_in_package_at': {
    ja: '画像「{name}」がパッケージの中にありません（{path} を探しました）。パッケージをもう一度書き出してください',
    en: 'The image "{name}" is not in the package (looked for {path}). Export the package again.',
  },
  'image.svg': {
    ja: '画像「{name}」は SVG 形式のため取り込めません（SVG にはスクリプトを含められるためです）。{types} に変換してください',
    en: 'The image "{name}" is an SVG, which is not accepted (SVG can carry scripts). Convert it to {types}.',
  },
  'image.type': {
    ja: '画像「{name}」は {types} の画像ではありません。{types} に変換してください',
    en: 'The image "{name}" is not a {types} image. Convert it to one of these.',
  },
  'image.too_large': {
    ja: '画像「{name}」は {megabytes} MB あります。{max} 以下に縮小してください',
    en: 'The image "{name}" is {megabytes} MB; shrink it to {max} or less.',
  },

  // Essays.
  'essay.mark_scaled': {
    ja: '論述の配点 {mark} 点は、{points} 点満点で採点します（得点は満点に対する割合で扱います）',
    en: 'The essay’s mark out of {mark} is graded out of {points} points (the score is the share of the points).',
  },
  'essay.rubric_added': {
    ja: 'このファイル形式にはルーブリックがないため、観点「総合評価」（{points} 点）を 1 つ追加しました。採点の前にルーブリックを編集してください',
    en: 'This format has no rubric, so one criterion "Overall" ({points} points) was added. Edit the rubric before grading.',
  },

  // The question as a whole does not pass the question rules (zod issues of questionSchema).
  'schema.field': { ja: '{field}：{detail}', en: '{field}: {detail}' },
  'field.stem': { ja: '問題文', en: 'Question text' },
  'field.title': { ja: 'タイトル', en: 'Title' },
  'field.options': { ja: '選択肢', en: 'Options' },
  'field.option': { ja: '選択肢 {number}', en: 'Option {number}' },
  'field.correct': { ja: '正解の選択肢', en: 'Correct option' },
  'field.answer': { ja: '正解', en: 'Answer' },
  'field.accepted': { ja: '正答', en: 'Accepted answers' },
  'field.order': { ja: '正しい並び順', en: 'Correct order' },
  'field.prompts': { ja: '組み合わせの問い', en: 'Matching prompts' },
  'field.prompt': { ja: '問い {number}', en: 'Prompt {number}' },
  'field.choices': { ja: '組み合わせの答え', en: 'Matching answers' },
  'field.choice': { ja: '答え {number}', en: 'Answer {number}' },
  'field.key': { ja: '組み合わせの正解', en: 'Matching key' },
  'field.blanks': { ja: '空欄', en: 'Blanks' },
  'field.blank': { ja: '空欄 {number}', en: 'Blank {number}' },
  'field.rubric': { ja: 'ルーブリック', en: 'Rubric' },
  'field.words': { ja: '語数（字数）の制限', en: 'Word limits' },
  'field.graderNotes': { ja: '採点者向けメモ', en: 'Graders’ notes' },
  'field.feedback': { ja: 'フィードバック', en: 'Feedback' },
  'field.explanation': { ja: '解説', en: 'Explanation' },
  'field.skillTags': { ja: 'スキル', en: 'Skills' },
  'field.level': { ja: '階層', en: 'Level' },
  'field.difficulty': { ja: '難易度', en: 'Difficulty' },
  'field.question': { ja: '問題', en: 'Question' },

  // Export: per question, what the file does not hold.
  'export.csv_no_type': {
    ja: '{type}の問題は CSV では表せないため、書き出しません。Moodle XML か QTI で書き出してください',
    en: 'A {type} question cannot be written in CSV, so it is not exported. Export it as Moodle XML or QTI.',
  },
  'export.csv_no_type_any': {
    ja: '{type}の問題は CSV では表せないため、書き出しません。Moodle XML・GIFT・QTI で書き出してください',
    en: 'A {type} question cannot be written in CSV, so it is not exported. Export it as Moodle XML, GIFT or QTI.',
  },
  'export.csv_images': {
    ja: 'CSV には画像を含められないため、画像は「[image: 代わりの文字]」として書き出しました',
    en: 'CSV cannot hold images: they are written as "[image: alt text]".',
  },
  'export.csv_too_many_options': {
    ja: '選択肢が {count} 個あり、CSV の上限（{max} 個）を超えるため書き出しません。Moodle XML か QTI で書き出してください',
    en: 'This question has {count} options, more than CSV holds ({max}), so it is not exported. Export it as Moodle XML or QTI.',
  },
  'export.csv_option_feedback': {
    ja: '選択肢ごとのフィードバックは CSV に含められないため、書き出しません',
    en: 'Option feedback cannot be written in CSV and is left out.',
  },
  'export.csv_semicolon_answer': {
    ja: '正答に CSV の区切り文字「;」が含まれるため、書き出しません。Moodle XML か QTI で書き出してください',
    en: 'An accepted answer contains ";", the CSV list separator, so the question is not exported. Export it as Moodle XML or QTI.',
  },
  'export.csv_semicolon_tags': {
    ja: '「;」を含むスキルは、取り込み直すと分かれてしまいます',
    en: 'Skills containing ";" are split in two when the file is imported again.',
  },
  'export.gift_ordering': {
    ja: 'GIFT には並べ替えの問題がないため、書き出しません。Moodle XML か QTI で書き出してください',
    en: 'GIFT has no ordering questions, so it is not exported. Export it as Moodle XML or QTI.',
  },
  'export.gift_cloze': {
    ja: 'GIFT には穴埋め（複数の空欄）の問題がないため、書き出しません。Moodle XML か QTI で書き出してください',
    en: 'GIFT has no cloze (multiple blanks) questions, so it is not exported. Export it as Moodle XML or QTI.',
  },
  'export.gift_arrow': {
    ja: '問いか答えに GIFT の組み合わせ記号「->」が含まれるため、書き出しません。Moodle XML か QTI で書き出してください',
    en: 'A prompt or answer contains "->", GIFT’s matching arrow, so it is not exported. Export it as Moodle XML or QTI.',
  },
  'export.moodle_wildcard': {
    ja: '正答に「*」が含まれ、Moodle ではワイルドカード（任意の文字）と読まれるため、書き出しません。QTI で書き出してください',
    en: 'An accepted answer contains "*", which Moodle reads as a wildcard, so it is not exported. Export it as QTI.',
  },
  'export.qti_true_false': {
    ja: 'QTI には正誤の解答形式がないため、書き出しません（2 択にすると単一選択として取り込まれます）。Moodle XML か GIFT で書き出してください',
    en: 'QTI has no true/false answer format, so it is not exported (a two-choice item would come back as single choice). Export it as Moodle XML or GIFT.',
  },
  'export.qti_description': {
    ja: '説明文には解答欄がないため、QTI には書き出しません。Moodle XML か GIFT で書き出してください',
    en: 'A description has nothing to answer, so it is not written to QTI. Export it as Moodle XML or GIFT.',
  },
  'export.not_in_gift': { ja: 'GIFT に含められないもの: {lost}', en: 'Not in the GIFT file: {lost}' },
  'export.not_in_moodle': { ja: 'Moodle XML に含められないもの: {lost}', en: 'Not in the Moodle XML file: {lost}' },
  'export.not_in_qti': { ja: 'QTI に含められないもの: {lost}', en: 'Not in the QTI package: {lost}' },
  'lost.other_language': { ja: '{language}の文章', en: 'the {language} text' },
  'lang.ja': { ja: '日本語', en: 'Japanese' },
  'lang.en': { ja: '英語', en: 'English' },
  'lost.images_as_text': { ja: '画像（「[image: 代わりの文字]」として書き出し）', en: 'images (written as "[image: alt text]")' },
  'lost.image_not_found': { ja: '画像（見つかりません）', en: 'an image (not found)' },
  'lost.image_not_found_alt': { ja: '画像「{alt}」（見つかりません）', en: 'the image "{alt}" (not found)' },
  'lost.question_feedback': { ja: '問題のフィードバック', en: 'question feedback' },
  'lost.feedback': { ja: 'フィードバック', en: 'feedback' },
  'lost.option_feedback': { ja: '選択肢ごとのフィードバック', en: 'option feedback' },
  'lost.all_or_nothing_gift': {
    ja: '全問正解のときだけ得点する採点（GIFT の複数解答は部分点になります）',
    en: 'all-or-nothing scoring (GIFT multiple answers give partial credit)',
  },
  'lost.all_or_nothing_moodle': {
    ja: '全問正解のときだけ得点する採点（Moodle の複数解答は部分点になります）',
    en: 'all-or-nothing scoring (Moodle multiple answers give partial credit)',
  },
  'lost.multiple_response_type': {
    ja: '複数選択の種類（正解が 1 つだと単一選択として取り込まれます）',
    en: 'the multiple-response type (one correct option at 100% reads back as single choice)',
  },
  'lost.case_sensitive': { ja: '大文字と小文字の区別', en: 'case-sensitive matching' },
  'lost.explanation': { ja: '解説', en: 'explanation' },
  'lost.level': { ja: '階層', en: 'level' },
  'lost.difficulty': { ja: '難易度', en: 'difficulty' },
  'lost.skill_tags': { ja: 'スキル', en: 'skills' },
  'lost.skill_tags_gift': { ja: '「]」や制御文字を含むスキル', en: 'skills containing "]" or control characters' },
  'lost.rubric': { ja: 'ルーブリック', en: 'rubric' },
  'lost.word_limits': { ja: '語数（字数）の制限', en: 'word limits' },
  'lost.grader_notes': { ja: '採点者向けメモ', en: 'graders’ notes' },
  'lost.control_characters': { ja: '制御文字', en: 'control characters' },
  'lost.matching_images': {
    ja: '組み合わせの答えの画像（Moodle の答えは文字だけのため「[image: 代わりの文字]」として書き出し）',
    en: 'images in matching answers (Moodle answers are plain text: written as "[image: alt text]")',
  },
  'lost.blank_option_images': {
    ja: '空欄の選択肢の画像（「[image: 代わりの文字]」として書き出し）',
    en: 'images in blank options (written as "[image: alt text]")',
  },
  'lost.title_tag': {
    ja: 'タイトルの「<…>」（HTML のタグとして読まれ、消えます）',
    en: '"<…>" in the title (read as an HTML tag and removed)',
  },
  'lost.tolerance': {
    ja: '許容誤差 ±{tolerance}（QTI の入力欄は完全一致で採点します）',
    en: 'the tolerance ±{tolerance} (QTI text entries are scored exactly)',
  },
  'lost.blank_tolerance': {
    ja: '空欄 {blank} の許容誤差 ±{tolerance}（QTI の入力欄は完全一致で採点します）',
    en: 'the tolerance ±{tolerance} of blank {blank} (QTI text entries are scored exactly)',
  },
  'lost.option_ids': {
    ja: '選択肢の ID（{ids} は QTI の識別子に使えないため {renamed} として書き出し）',
    en: 'option ids ({ids} are not QTI identifiers: written as {renamed})',
  },
} as const satisfies Record<string, { ja: string; en: string }>;
