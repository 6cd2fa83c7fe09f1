#include "StrictJson.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringDecoder>

#include <algorithm>
#include <simdjson.h>
#include <string_view>

using namespace Qt::StringLiterals;

namespace {

QString decodeString(std::string_view utf8)
{
    // Keys and most values are ASCII: no decoder for them (one per string was a tenth of
    // reading a settings file).
    if (std::all_of(utf8.cbegin(), utf8.cend(), [](char c) { return uchar(c) < 0x80; }))
        return QString::fromLatin1(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
    // simdjson has already checked the UTF-8. QString::fromUtf8 would drop a leading U+FEFF as a
    // byte order mark; in a JSON string it is an ordinary character and must be kept.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::ConvertInitialBom
                               | QStringDecoder::Flag::Stateless);
    return decoder(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
}

// Builds the Qt value, or leaves the reason for the first broken rule in *error. `depth` is the
// level of the array or object being built, the outermost object being 1.
bool convert(const simdjson::dom::element &element, int depth, QJsonValue *out, QString *error);

bool tooDeep(int depth, QString *error)
{
    if (depth <= StrictJson::maxDepth)
        return false;
    *error =
        StrictJson::tr("arrays and objects are nested more than %1 deep").arg(StrictJson::maxDepth);
    return true;
}

bool convertObject(const simdjson::dom::object &object, int depth, QJsonObject *out, QString *error)
{
    if (tooDeep(depth, error))
        return false;
    for (const simdjson::dom::key_value_pair field : object) {
        const QString key = decodeString(field.key);
        QJsonValue value;
        if (!convert(field.value, depth, &value, error))
            return false;
        // A key seen before replaces its value and leaves the size: one lookup, not two.
        const qsizetype before = out->size();
        out->insert(key, value);
        if (out->size() == before) {
            *error = StrictJson::tr("the member \"%1\" appears more than once").arg(key);
            return false;
        }
    }
    return true;
}

bool convert(const simdjson::dom::element &element, int depth, QJsonValue *out, QString *error)
{
    switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
        QJsonObject object;
        if (!convertObject(element.get_object().value_unsafe(), depth + 1, &object, error))
            return false;
        *out = object;
        return true;
    }
    case simdjson::dom::element_type::ARRAY: {
        if (tooDeep(depth + 1, error))
            return false;
        QJsonArray array;
        // A copy (it is a cursor), so the loop doesn't run over a destroyed temporary.
        const simdjson::dom::array items = element.get_array().value_unsafe();
        for (const simdjson::dom::element item : items) {
            QJsonValue value;
            if (!convert(item, depth + 1, &value, error))
                return false;
            array.append(value);
        }
        *out = array;
        return true;
    }
    case simdjson::dom::element_type::STRING:
        *out = decodeString(element.get_string().value_unsafe());
        return true;
    // Numbers keep their value, as JSON Schema's "integer" does: 5, 5.0 and 5e0 are one number.
    // Integers beyond 64 bits and doubles beyond ±1.8e308 never get here (simdjson refuses).
    case simdjson::dom::element_type::INT64:
        *out = QJsonValue(qint64(element.get_int64().value_unsafe()));
        return true;
    case simdjson::dom::element_type::UINT64:
        *out = QJsonValue(double(element.get_uint64().value_unsafe()));
        return true;
    case simdjson::dom::element_type::DOUBLE:
        *out = QJsonValue(element.get_double().value_unsafe());
        return true;
    case simdjson::dom::element_type::BOOL:
        *out = element.get_bool().value_unsafe();
        return true;
    case simdjson::dom::element_type::NULL_VALUE:
        *out = QJsonValue(QJsonValue::Null);
        return true;
    }
    Q_UNREACHABLE();
    return false;
}

QString describe(simdjson::error_code code)
{
    switch (code) {
    case simdjson::UTF8_ERROR:
        return StrictJson::tr("the text is not valid UTF-8");
    case simdjson::UNESCAPED_CHARS:
        return StrictJson::tr("a string holds a raw control character; write it as an escape "
                              "such as \\n or \\u0001");
    case simdjson::STRING_ERROR:
    case simdjson::UNCLOSED_STRING:
        return StrictJson::tr("a string is not valid: an unknown escape, an unpaired surrogate or "
                              "a missing closing quote");
    case simdjson::NUMBER_ERROR:
        return StrictJson::tr("a number is not valid, or beyond what 64-bit integers and doubles "
                              "hold");
    case simdjson::DEPTH_ERROR:
        return StrictJson::tr("arrays and objects are nested more than %1 deep")
            .arg(StrictJson::maxDepth);
    case simdjson::EMPTY:
        return StrictJson::tr("the text is empty");
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
        return StrictJson::tr("a value is not valid JSON (true, false and null are lower case)");
    default:
        return StrictJson::tr("the text is not valid JSON (a brace, bracket, comma, colon or "
                              "quote is missing or out of place)");
    }
}

} // namespace

std::optional<QJsonObject> StrictJson::parseObject(QByteArrayView text, QString *error)
{
    auto fail = [error](const QString &reason) -> std::optional<QJsonObject> {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    // One parser per thread keeps its buffers between messages; client and server parse on
    // their main thread only, the tests on several. Allocated once with the depth limit, which
    // later growth keeps.
    thread_local simdjson::dom::parser parser;
    // simdjson counts a value inside the deepest array or object as one more level, so it gets
    // room for that; the exact limit is checked while the Qt objects are built.
    constexpr size_t parserDepth = maxDepth + 1;
    if (parser.max_depth() != parserDepth && parser.allocate(64 * 1024, parserDepth))
        return fail(tr("out of memory"));
    if (text.isEmpty()) // simdjson would memcpy from a null pointer
        return fail(describe(simdjson::EMPTY));
    simdjson::dom::element root;
    // The copy into a padded buffer (realloc_if_needed) lets simdjson read whole SIMD blocks.
    if (const auto code = parser.parse(text.data(), size_t(text.size()), true).get(root))
        return fail(describe(code));
    if (!root.is_object())
        return fail(tr("the text must be a JSON object"));
    QJsonObject object;
    QString reason;
    if (!convertObject(root.get_object().value_unsafe(), 1, &object, &reason))
        return fail(reason);
    return object;
}
