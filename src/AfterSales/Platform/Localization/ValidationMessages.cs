using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace AfterSales.Platform.Localization;

/// <summary>
/// Chinese message templates for the DataAnnotations attributes, so that no input model has to
/// repeat them. Pages get them through MVC's metadata; the API validates with <see cref="Validate"/>.
/// </summary>
public static class ValidationMessages
{
    public static string Template(ValidationAttribute a) =>
        a.ErrorMessage
        ?? a switch
        {
            RequiredAttribute => "请填写{0}",
            StringLengthAttribute { MinimumLength: > 0 } => "{0}的长度应在{2}到{1}个字符之间",
            StringLengthAttribute => "{0}不能超过{1}个字符",
            MaxLengthAttribute => "{0}不能超过{1}个字符",
            RangeAttribute => "{0}应在{1}到{2}之间",
            EmailAddressAttribute => "{0}不是有效的电子邮箱地址",
            PhoneAttribute => "{0}不是有效的电话号码",
            RegularExpressionAttribute => "{0}的格式不正确",
            CompareAttribute => "{0}与{1}不一致",
            _ => "{0}无效",
        };

    static object?[] Arguments(ValidationAttribute a, string displayName) =>
        a switch
        {
            StringLengthAttribute s => [displayName, s.MaximumLength, s.MinimumLength],
            MaxLengthAttribute m => [displayName, m.Length],
            RangeAttribute r => [displayName, r.Minimum, r.Maximum],
            CompareAttribute c => [displayName, Texts.T(c.OtherPropertyDisplayName ?? c.OtherProperty)],
            _ => [displayName],
        };

    /// <summary>The localised message for a failed attribute on a property with the given display name.</summary>
    public static string Message(ValidationAttribute a, string displayName) => Texts.T(Template(a), Arguments(a, Texts.T(displayName)));

    /// <summary>
    /// Validates an API input object by its attributes (and IValidatableObject), returning
    /// localised messages keyed by camelCase property name, as ProblemDetails wants them. Lists of
    /// nested inputs (a visit's parts, an agreement's quote lines) are validated item by item,
    /// keyed "items[0].unitPriceFen", and an empty (null) item is refused.
    /// </summary>
    public static Dictionary<string, string[]> Validate(object input)
    {
        var errors = new Dictionary<string, List<string>>();
        Validate(input, "", errors);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    static void Validate(object input, string prefix, Dictionary<string, List<string>> errors)
    {
        var before = errors.Count;
        foreach (var (p, display, attributes) in Members.GetOrAdd(input.GetType(), MembersOf))
        {
            var value = p.GetValue(input);
            var context = new ValidationContext(input) { MemberName = p.Name, DisplayName = display };
            foreach (var a in attributes)
            {
                if (a.GetValidationResult(value, context) is not null)
                    Add(errors, prefix + Camel(p.Name), Message(a, display));
            }
            if (value is System.Collections.IEnumerable items && IsNestedInputList(p.PropertyType))
            {
                var row = 0;
                foreach (var item in items)
                {
                    var path = $"{prefix}{Camel(p.Name)}[{row++}]";
                    if (item is null)
                        Add(errors, path, Texts.T("第{0}行不能为空", row));
                    else
                        Validate(item, path + ".", errors);
                }
            }
        }
        if (errors.Count == before && input is IValidatableObject v)
        {
            foreach (var r in v.Validate(new ValidationContext(input)))
            foreach (var m in r.MemberNames.DefaultIfEmpty(""))
                Add(errors, m.Length == 0 ? prefix.TrimEnd('.') : prefix + Camel(m), Texts.T(r.ErrorMessage ?? ""));
        }
    }

    // Reading attributes by reflection cost more than the rest of an API intake's validation: read once per type.
    static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Display, ValidationAttribute[] Attributes)[]> Members = new();

    static (PropertyInfo, string, ValidationAttribute[])[] MembersOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p =>
                (p, p.GetCustomAttribute<DisplayAttribute>()?.Name ?? p.Name, p.GetCustomAttributes<ValidationAttribute>().ToArray())
            )
            .ToArray();

    // A list of this application's own input records (not strings, ids or framework types).
    static bool IsNestedInputList(Type type) =>
        type != typeof(string)
        && (
            type.IsArray ? type.GetElementType()
            : type.IsGenericType ? type.GetGenericArguments()[^1]
            : null
        )
            is { IsClass: true } element
        && element != typeof(string)
        && element.Assembly == typeof(ValidationMessages).Assembly;

    static string Camel(string member) => member.Length == 0 ? "" : char.ToLowerInvariant(member[0]) + member[1..];

    static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
            errors[key] = list = [];
        list.Add(message);
    }
}

/// <summary>Gives every validation attribute without its own message the Chinese template above.</summary>
internal sealed class DefaultMessagesProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var a in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (
                a.ErrorMessage is null
                && a.ErrorMessageResourceName is null
                && a is not DataTypeAttribute or EmailAddressAttribute or PhoneAttribute
            )
                a.ErrorMessage = ValidationMessages.Template(a);
        }
    }
}
