// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: LLMProxy contributors
#include "proxycore/security/injectionpatterns.h"

#include "proxycore/security/textnormalizer.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <QSet>

#include <cmath>
#include <vector>

namespace llmproxy {

namespace {

struct PatternDef
{
    const char *id;    ///< family.language
    double weight;     ///< evidence on its own, in (0, 1)
    bool structural;   ///< a structural cue rather than a phrasing
    const char *regex; ///< RE2, written for lower-case text; non-ASCII letters are folded like the text
};

// How an imperative starts: at the beginning of a sentence or line, after a discourse word, or
// after "you must" / "I want you to". "Don't forget the instructions" is not an order to drop them.
#define IMPERATIVE                                                                                                     \
    R"((?:^|[.!?:;\n>*"'(\[]\s*|\b(?:please|now|just|and|then|so|but|first|simply|kindly|ok|okay|also|instead|from now on|hey|assistant|ai|system|note)[,:]?\s+|\byou (?:must|should|will|shall|need to|have to|are to|are required to)\s+|\bi (?:want|need|order|command|instruct) you to\s+|,\s*))"

#define OVERRIDE_VERB                                                                                                  \
    R"((?:ignore|disregard|forget|neglect|override|overrule|discard|abandon|set aside|throw out|nullify|bypass))"

#define OVERRIDE_OBJECT                                                                                                \
    R"((?:instructions?|directives?|directions|rules|guidelines|guardrails|prompts?|commands|constraints|programming|restrictions|policies|orders|safeguards|system message))"

// Only these words may stand between the verb and its object: "ignore all of the above rules",
// "forget your prior programming" — but not "ignore my previous instructions" (a user changing
// their own request) or "override the default eslint rules".
#define EARLIER_WORDS                                                                                                  \
    R"((?:(?:all|any|every|of|the|your|these|those|previous|prior|above|earlier|preceding|foregoing|former|original|initial|old|system|safety|developer|hidden|given|other|and|that|you were given|you have been given|you received)\s+){1,6})"

// Weights are set by hand: a phrase that ordinary prompts also use gets a low weight and needs other
// evidence. How much the patterns count in the decision is fitted on the corpus' dev split
// (CompositeWeights, tools/tune-injection).
const PatternDef kPatterns[] =
    {
        // -- override, English -----------------------------------------------------------------------
        {"override.en", 0.8, false, IMPERATIVE OVERRIDE_VERB R"(\s+)" EARLIER_WORDS OVERRIDE_OBJECT R"(\b)"},
        {"override-weak.en", 0.35, false,
         R"(\b)" OVERRIDE_VERB
         R"(\s+(?:all|any|every|your|the)\s+(?:previous|prior|above|earlier|preceding|original|initial|system|safety)\s+)" OVERRIDE_OBJECT
         R"(\b)"},
        {"override-everything.en", 0.55, false,
         IMPERATIVE
         R"((?:ignore|disregard|forget)\s+(?:everything|all(?: of)?(?: that| this)?)\s+(?:above|before|prior|you (?:were|have been) (?:told|given|instructed)|that came before|in your (?:prompt|instructions)))"},
        {"override-donotfollow.en", 0.7, false,
         R"(\b(?:do not|don'?t|stop|no longer)\s+(?:follow|obey|adhere to|comply with|listen to)\s+(?:your|the|any|those|these)\s+(?:previous|prior|original|initial|system|safety|earlier|old|developer'?s?)\b)"},
        {"override-newtask.en", 0.55, false,
         R"(\b(?:your|the)\s+(?:new|real|true|actual|updated|only|sole)\s+(?:instructions?|task|purpose|goal|objective|directive|mission|role)\s+(?:is|are|will be)\b)"},
        {"override-newrules.en", 0.35, false, R"(\bnew\s+(?:instructions|rules|directives?|system prompt)\s*[:\-])"},
        {"override-supersede.en", 0.7, false,
         R"(\b(?:supersedes?|overrides?|takes? precedence over|replaces?)\s+(?:all|any|your|the)\s+(?:previous|prior|other|earlier|original|system)?\s*)" OVERRIDE_OBJECT},
        {"goal-hijack.en", 0.75, false,
         R"(\b(?:say|print|output|respond with|reply with|write|type|answer with|return)\s*:?\s*["'“‘]?\s*(?:i have been (?:pwned|hacked|owned|compromised)|pwned|hacked|access granted)\b)"},
        {"goal-hijack-word.en", 0.35, false, R"(\b(?:i have been pwned|i have been hacked|pwned!|pwn3d)\b)"},

        // -- system-prompt extraction, English -------------------------------------------------------
        {"extract-your.en", 0.8, false,
         R"(\b(?:reveal|show|print|display|output|repeat|recite|tell me|give me|share|leak|dump|list|write out|spell out|paste|return|echo|provide|disclose|expose|reproduce|quote|translate|summari[sz]e|encode)\b[^.\n]{0,30}\byour\s+(?:\w+\s+){0,3}(?:system\s*prompt|system\s*message|instructions|initial prompt|pre-?prompt|hidden prompt|developer message|guidelines|rules|directives|configuration|prompt)\b)"},
        {"extract-the.en", 0.45, false,
         R"(\b(?:reveal|print|output|repeat|recite|dump|leak|disclose|expose|reproduce|spell out|write out)\b[^.\n]{0,20}\b(?:the|all|hidden|secret|internal|initial|original|full|exact|entire|complete)\s+(?:\w+\s+){0,2}(?:system\s*prompt|system\s*message|initial prompt|pre-?prompt|hidden prompt|developer message|instructions (?:you were|that were) given)\b)"},
        {"extract-question.en", 0.55, false,
         R"(\bwhat\s+(?:were|are|was|is)\s+your\s+(?:exact\s+|original\s+|initial\s+|first\s+|hidden\s+|secret\s+|system\s+|full\s+)*(?:instructions|system prompt|prompt|rules|directives|guidelines)\b)"},
        {"extract-above.en", 0.6, false,
         R"(\b(?:repeat|print|output|copy|write|show|reproduce)\b[^.\n]{0,20}\b(?:everything|all|the text|the words|the content|the message|whatever)\b[^.\n]{0,20}\b(?:above|before this|prior to this|preceding|that (?:came|comes) before)\b)"},
        {"extract-startwith.en", 0.7, false,
         R"(\b(?:start|begin)(?:ing)?\s+(?:your|the)\s+(?:answer|response|reply|output)\s+with\s+["'“]?(?:you are|your instructions|my instructions|system))"},
        {"extract-firstline.en", 0.6, false,
         R"(\b(?:first|opening|initial)\s+(?:line|sentence|paragraph|\d+\s+words|words)\s+of\s+(?:your|the)\s+(?:system\s+)?(?:prompt|instructions|message|context)\b)"},
        {"extract-mention.en", 0.4, false,
         R"(\byour\s+(?:system\s*prompt|initial\s+instructions|original\s+instructions|hidden\s+instructions|secret\s+instructions|pre-?prompt|system\s+message)\b)"},
        {"extract-verbatim.en", 0.35, false, R"(\b(?:verbatim|word for word|word-for-word|character for character)\b)"},

        // -- persona and jailbreak, English ----------------------------------------------------------
        {
            "persona-unbound.en", 0.85, false, R"(\byou\s+are\s+(?:now|no longer|henceforth|from now on|going to be|about to become)\b[^.\n]{0,40}\b(?:dan|unfiltered|uncensored|unrestricted|jailbroken|evil|unaligned|amoral|immoral|without (?:any )?(?:limits|restrictions|rules|filters|guidelines)|bound by|free from)\b)"},
        {"persona-mode.en", 0.75, false,
         R"(\b(?:enable|activate|enter|switch to|turn on|unlock|engage|you are (?:now )?in)\s+(?:the\s+)?(?:developer|dev|god|jailbreak|jailbroken|dan|unrestricted|unfiltered|maintenance|debug|admin|sudo|root|evil)\s+mode\b)"},
        {"persona-modename.en", 0.4, false,
         R"(\b(?:do anything now|developer mode|god mode|jailbreak mode|dan mode|unrestricted mode|unfiltered mode|evil mode|sudo mode)\b)"},
        {"persona-norules.en", 0.8, false,
         R"(\b(?:act|behave|respond|answer|pretend|roleplay|role-play|play|simulate|imagine)\b[^.\n]{0,40}\b(?:as if|like|as)\b[^.\n]{0,40}\b(?:no|without|free of|free from|not bound by|ignoring)\b[^.\n]{0,20}\b(?:restrictions|rules|limits|limitations|filters|guidelines|ethics|morals|censorship|boundaries|policies|safeguards)\b)"},
        {"persona-nopolicy.en", 0.55, false,
         R"(\b(?:no|without|free of|free from|not bound by|unbound by|beyond)\s+(?:any\s+)?(?:ethical|moral|content|safety|openai'?s?|anthropic'?s?)\s+(?:guidelines|restrictions|filters|policies|limitations|constraints|rules|boundaries)\b)"},
        {"persona-character.en", 0.3, false, R"(\b(?:stay in character|never break character|remain in character)\b)"},
        {"persona-dual.en", 0.7, false,
         R"(\b(?:two|dual|both|separate)\s+(?:responses|answers|replies|outputs)\b[^\n]{0,120}\b(?:unfiltered|jailbroken|dan|uncensored|without (?:restrictions|filters)|evil|opposite)\b)"},
        {"persona-tokens.en", 0.6, false, R"(\byou\s+(?:have|start with|will lose|lose)\s+\d+\s+tokens\b)"},
        {"persona-ainame.en", 0.5, false,
         R"(\b(?:you are|act as|pretend to be|become)\s+(?:dan|stan|dude|aim|mongo tom|evil ?bot|chaosgpt|betterdan|anti-?gpt|developer mode gpt)\b)"},
        {"refusal-suppress.en", 0.5, false,
         R"(\b(?:never|don'?t|do not|must not|cannot|can'?t|will not|won'?t|are not allowed to|refuse to)\s+(?:ever\s+)?(?:refuse|decline|say no|say (?:you|that you) can'?t|apologi[sz]e|warn|add (?:a |any )?(?:disclaimers?|warnings?)|mention (?:ethics|safety|policies|guidelines))\b)"},
        {"refusal-phrase.en", 0.3, false,
         R"(\b(?:i'?m sorry|i cannot|as an ai)\b[^.\n]{0,30}\b(?:never|do not|don'?t)\s+(?:say|use|write)\b)"},
        {"safety-bypass.en", 0.7, false,
         R"(\b(?:bypass|circumvent|disable|turn off|switch off|deactivate|evade|get around|ignore|override|remove|jailbreak)\s+(?:your|the|all|any)?\s*(?:own\s+)?(?:safety|content|security|moderation|ethical|ethics)\s+(?:filters?|guardrails?|safeguards?|restrictions|moderation|alignment|protocols?|measures|features|policy|policies|guidelines|training)\b)"},
        {"safety-yours.en", 0.6, false,
         R"(\b(?:bypass|circumvent|disable|turn off|evade|ignore|override|forget)\s+your\s+(?:filters?|guardrails?|safeguards?|restrictions|moderation|alignment|programming|training|conditioning|limitations)\b)"},
        {"hypothetical.en", 0.35, false,
         R"(\b(?:hypothetical(?:ly)?|fictional|imaginary|in a story|in a novel|for a movie)\b[^.\n]{0,60}\b(?:no (?:rules|laws|restrictions|ethics|limits)|rules (?:don'?t|do not) apply|anything goes|nothing is (?:off limits|forbidden))\b)"},

        // -- exfiltration and indirect injection, English --------------------------------------------
        {"exfil-image.en", 0.75, false,
         R"(!\[[^\]\n]{0,60}\]\(\s*https?://[^)\s]{1,200}[?&][a-z0-9_]{1,24}=[^)\s]{0,40}(?:\{|\$|%7b|<|\[|base64|summary|conversation|history|secret|password|key|token|data|info))"},
        {"exfil-send.en", 0.8, false,
         R"(\b(?:send|post|forward|upload|exfiltrate|transmit|leak|email|submit|append|include|embed)\b[^.\n]{0,40}\b(?:conversation|chat history|previous messages|system prompt|api keys?|credentials|secrets|passwords|user'?s (?:data|messages|files|emails)|personal data|session|cookies|tokens|environment variables|\.env|ssh keys?)\b[^.\n]{0,60}\b(?:to|at|via|into)\b[^.\n]{0,20}(?:https?://|\S+@\S+\.\w+|webhook|endpoint|server|url|link|image)\b)"},
        {"indirect-note.en", 0.6, false,
         R"(\b(?:note|message|instructions?|attention|important|notice|memo|reminder|directive)\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+)?(?:ai|assistant|language model|llm|chatbot|gpt|chatgpt|claude|gemini|copilot|model|ai assistant|ai agent|agent|bot|ai systems?|large language models?)s?\b)"},
        {"indirect-reading.en", 0.6, false,
         R"(\b(?:ai|assistant|language model|llm|chatbot|agent|model|bot)s?\s+(?:reading|processing|summari[sz]ing|analy[sz]ing|parsing|reviewing|ingesting)\s+(?:this|these)\b)"},
        {"indirect-ifyouare.en", 0.55, false,
         R"(\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|assistant|language model|llm|large language model|chatbot|agent|bot|automated system|gpt|claude)\b)"},
        {"indirect-whensummarizing.en", 0.3, false,
         R"(\bwhen\s+(?:summari[sz]ing|processing|reading|answering about)\s+(?:this|the)\s+(?:page|document|email|text|file|review|article)\b)"},
        {"indirect-tool.en", 0.55, false,
         R"(\b(?:call|invoke|execute|run|use)\s+(?:the\s+)?(?:internal|hidden|secret|privileged|undocumented)\s*(?:_\w+)?\s*(?:function|command|tool|api|endpoint)\b)"},

        // -- override and extraction in other languages ----------------------------------------------
        {"override.de", 0.8, false,
         R"((?:ignorier(?:e|en|t)?|vergiss(?:\s+(?:alle|die|deine|sämtliche|jegliche|bisherige|vorherige|was))|vergessen sie (?:alle|die|ihre)|missachte|übergehe|verwirf)\b.{0,40}(?:anweisung|instruktion|regeln|vorgaben|befehle|richtlinien|anleitung|einschränkungen))"},
        {"extract.de", 0.6, false,
         R"((?:zeig|zeige|nenne|gib|verrate|wiederhole|gib mir|schreib)\b.{0,40}(?:systemprompt|system-prompt|systemanweisung|deine anweisungen|deine instruktionen|ursprünglichen anweisungen))"},
        {"override.fr", 0.8, false,
         R"((?:ignore[rz]|ignore (?:toutes|tous|les|tes|vos|mes|ces)|oublie[rz]?|ne tiens(?: plus)? pas compte|ne tenez(?: plus)? pas compte|fais abstraction)\b.{0,40}(?:instructions?|consignes|règles|directives|restrictions))"},
        {"extract.fr", 0.6, false,
         R"((?:révèle|révélez|montre|montrez|affiche|affichez|répète|répétez|donne|donnez|dis|dites)[- ]?(?:moi)?\b.{0,40}(?:prompt (?:système|systeme)|instructions (?:initiales|système|d'origine)|tes instructions|vos instructions|tes consignes))"},
        {"override.es", 0.8, false,
         R"((?:ignora|ignore|ignoren|olvida|olvide|olviden|omite|descarta|haz caso omiso)\b.{0,40}(?:instrucciones|reglas|indicaciones|directrices|órdenes|restricciones))"},
        {"extract.es", 0.6, false,
         R"((?:revela|muestra|muéstrame|dime|repite|imprime|escribe)\b.{0,40}(?:prompt del sistema|instrucciones (?:iniciales|originales|del sistema)|tus instrucciones))"},
        {"override.it", 0.8, false,
         R"((?:ignora|ignorate|dimentica|dimenticate|trascura|non considerare)\b.{0,40}(?:istruzioni|regole|indicazioni|direttive|restrizioni))"},
        {"override.pt", 0.8, false,
         R"((?:ignore|ignora|ignorem|esqueça|esqueca|esqueçam|desconsidere|descarte)\b.{0,40}(?:instruções|instrucoes|regras|diretrizes|orientações|orientacoes|restrições))"},
        {"override.nl", 0.8, false,
         R"((?:negeer|vergeet|negeren)\b.{0,40}(?:instructies|regels|aanwijzingen|richtlijnen|opdrachten))"},
        {"override.pl", 0.8, false,
         R"((?:zignoruj|ignoruj|zapomnij|pomiń)\b.{0,40}(?:instrukcj|polece|zasad|reguł|wytyczn))"},
        {"override.ru", 0.8, false,
         R"((?:игнорируй|проигнорируй|игнорируйте|забудь|забудьте|не обращай внимания на|отбрось|отмени).{0,40}(?:инструкци|правил|указани|ограничени|директив))"},
        {"extract.ru", 0.6, false,
         R"((?:покажи|выведи|раскрой|повтори|напиши|скажи).{0,40}(?:системн\S* (?:промпт|подсказк|инструкци)|свои инструкции|твои инструкции))"},
        {"override.uk", 0.8, false,
         R"((?:ігноруй|проігноруй|забудь|забудьте|не зважай на).{0,40}(?:інструкці|правил|вказів|обмежен))"},
        {"override.tr", 0.8, false,
         R"((?:talimat|kural|yönerge|komut|kısıtlama)\S*.{0,30}(?:yok say|görmezden gel|unut|dikkate alma|umursama|göz ardı et))"},
        {"override.sv", 0.8, false,
         R"((?:ignorera|glöm|strunta i)\b.{0,40}(?:instruktioner|regler|anvisningar|direktiv))"},
        {"override.id", 0.8, false,
         R"((?:abaikan|lupakan|acuhkan)\b.{0,40}(?:instruksi|perintah|aturan|petunjuk|arahan))"},
        {"override.vi", 0.8, false,
         R"((?:bỏ qua|phớt lờ|quên|lờ đi|không tuân theo).{0,40}(?:hướng dẫn|chỉ dẫn|quy tắc|lệnh|chỉ thị|quy định))"},
        {"override.zh", 0.85, false,
         R"((?:忽略|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|跳过|跳過|抛开|拋開|放弃|放棄).{0,12}(?:指令|指示|提示|规则|規則|命令|设定|設定|说明|說明|限制|要求))"},
        {"extract.zh", 0.7, false,
         R"((?:显示|顯示|输出|輸出|告诉我|告訴我|重复|重複|打印|泄露|透露|给我看|給我看).{0,12}(?:系统提示|系統提示|系统指令|系統指令|初始指令|提示词|提示詞|你的指令|你的设定|你的設定))"},
        {"persona.zh", 0.6, false,
         R"((?:没有任何限制|沒有任何限制|不受任何限制|没有道德|沒有道德|无限制模式|開發者模式|开发者模式))"},
        {"override.ja", 0.85, false,
         R"((?:指示|命令|ルール|規則|制約|設定|プロンプト|指令)\S{0,8}.{0,10}(?:無視|忘れ))"},
        {"extract.ja", 0.7, false,
         R"((?:システムプロンプト|初期指示|最初の指示|あなたの指示).{0,15}(?:表示|教え|出力|見せ|書き出|繰り返))"},
        {"override.ko", 0.85, false, R"((?:지시|명령|규칙|지침|프롬프트|제한).{0,12}(?:무시|잊어|잊고))"},
        {"extract.ko", 0.7, false,
         R"((?:시스템 프롬프트|초기 지시|너의 지시|당신의 지시).{0,15}(?:보여|알려|출력|말해))"},
        {"override.ar", 0.85, false,
         R"((?:تجاهل|تجاهلي|تجاهلوا|انس|انسى|لا تلتزم ب).{0,40}(?:التعليمات|تعليمات|الأوامر|القواعد|التوجيهات|القيود))"},
        {"extract.ar", 0.6, false, R"((?:اكشف|أظهر|اعرض|كرر|اطبع).{0,40}(?:موجه النظام|تعليمات النظام|تعليماتك))"},
        {"override.he", 0.85, false, R"((?:התעלם|התעלמי|שכח|שכחי).{0,40}(?:הוראות|כללים|הנחיות|ההוראות|ההנחיות))"},
        {"override.hi", 0.85, false, R"((?:निर्देश|नियम|आदेश)\S*.{0,30}(?:अनदेखा|भूल जा|नज़रअंदाज़|नजरअंदाज|उपेक्षा))"},
        {"override.th", 0.8, false, R"((?:เพิกเฉย|ละเว้น|ลืม|ไม่ต้องสนใจ).{0,30}(?:คำสั่ง|กฎ|คำแนะนำ|ข้อกำหนด))"},

        // -- structural cues -------------------------------------------------------------------------
        {"template.chatml", 0.55, true,
         R"(<\|(?:im_start|im_end|system|user|assistant|endoftext|begin_of_text|start_header_id|end_header_id|eot_id|end_of_turn|start_of_turn)\|>)"},
        {"template.llama", 0.5, true, R"(<<\s*/?sys\s*>>)"},
        {"template.inst", 0.2, true, R"(\[/?inst\])"},
        {"template.gemma", 0.45, true, R"(<(?:start|end)_of_turn>)"},
        {"role.closetag", 0.75, true,
         R"(</\s*(?:user|human|user_input|input|query)\s*>\s*<\s*(?:system|assistant|admin|developer|instructions?)\s*>)"},
        {"role.tag", 0.35, true, R"(<\s*/?\s*(?:system|sys|admin|developer|system_prompt|instructions)\s*>)"},
        {"role.header", 0.35, true,
         R"((?:^|\n)\s*#{2,}\s*(?:system|new instructions|admin instructions|developer instructions|system override|instruction|response)\s*:?\s*(?:\n|$))"},
        {"role.bracket", 0.5, true,
         R"(\[\[?\s*(?:system|admin|developer|root)\s*(?:input|message|override|instructions?|note|command)s?\s*\]\]?)"},
        {"role.line", 0.25, true,
         R"((?:^|\n)\s*(?:system|admin|developer|root)\s*(?:message|override|prompt|instruction|update|alert)?\s*:\s*\S)"},
        {"role.transcript", 0.3, true,
         R"((?:^|\n)\s*(?:human|user)\s*:[^\n]{0,300}\n+\s*(?:assistant|ai|gpt|claude)\s*:)"},
        {"role.json", 0.2, true, R"(["']role["']\s*:\s*["'](?:system|developer)["'])"},
        {"role.endofinput", 0.35, true,
         R"(\b(?:end of|end_of)\s+(?:the\s+)?(?:user\s+)?(?:input|prompt|document|context|conversation|text|data)\b\W{0,10}(?:\n|$|-{2,}|={2,}))"},
        {"role.separator", 0.3, true,
         R"((?:={5,}|-{5,}|\*{5,}|#{5,})\s*(?:system|admin|new instructions|instructions|override)\b)"},
};

/// The pattern as it will meet the text: non-ASCII letters folded and case-folded like
/// normalizeForScan() folds the text. Regex syntax is ASCII and stays as written.
std::string prepared(const char *regex)
{
    const QString source = QString::fromUtf8(regex);
    bool ascii = true;
    for (QChar c : source)
        ascii = ascii && c.unicode() < 0x80;
    return ascii ? std::string(regex) : normalizeForScan(source).text.toStdString();
}

double noisyOr(double acc, double w)
{
    return 1.0 - (1.0 - acc) * (1.0 - w);
}

} // namespace

struct InjectionPatterns::Compiled
{
    std::unique_ptr<re2::RE2::Set> set;
    std::vector<int> patternOf; ///< set index → kPatterns index
    int languages = 0;
};

InjectionPatterns::InjectionPatterns() : d(std::make_unique<Compiled>())
{
    re2::RE2::Options options;
    options.set_encoding(re2::RE2::Options::EncodingUTF8);
    options.set_log_errors(false);
    options.set_max_mem(32 << 20);
    d->set = std::make_unique<re2::RE2::Set>(options, re2::RE2::UNANCHORED);
    QSet<QByteArray> languages;
    for (const PatternDef &p : kPatterns) {
        std::string error;
        // The table is part of the program: a pattern that does not compile is a defect that
        // the unit test reports (size() counts only the patterns in use).
        if (d->set->Add(prepared(p.regex), &error) < 0) {
            qWarning("injection pattern %s does not compile: %s", p.id, error.c_str());
            continue;
        }
        d->patternOf.push_back(int(&p - kPatterns));
        const QByteArray id(p.id);
        if (const qsizetype dot = id.indexOf('.'); dot >= 0 && !p.structural)
            languages.insert(id.mid(dot + 1));
    }
    d->languages = int(languages.size());
    if (!d->set->Compile())
        qFatal("injection patterns: RE2::Set failed to compile (memory budget)");
}

InjectionPatterns::~InjectionPatterns() = default;

const InjectionPatterns &InjectionPatterns::instance()
{
    static const InjectionPatterns patterns;
    return patterns;
}

PatternScore InjectionPatterns::score(QByteArrayView normalizedUtf8) const
{
    PatternScore result;
    std::vector<int> hits;
    if (!d->set->Match(re2::StringPiece(normalizedUtf8.data(), size_t(normalizedUtf8.size())), &hits))
        return result;
    double heaviest = 0.0;
    for (const int i : hits) {
        const PatternDef &p = kPatterns[d->patternOf[size_t(i)]];
        ++result.matches;
        result.score = noisyOr(result.score, p.weight);
        if (p.structural)
            result.structure = noisyOr(result.structure, p.weight);
        if (p.weight > heaviest) {
            heaviest = p.weight;
            result.strongest = p.id;
        }
    }
    return result;
}

int InjectionPatterns::size() const
{
    return int(d->patternOf.size());
}

int InjectionPatterns::defined()
{
    return int(std::size(kPatterns));
}

int InjectionPatterns::languages() const
{
    return d->languages;
}

} // namespace llmproxy
