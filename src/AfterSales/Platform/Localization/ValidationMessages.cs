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
    /// localised messages keyed by camelCase property name, as ProblemDetails wants them.
    /// </summary>
    public static Dictionary<string, string[]> Validate(object input)
    {
        var errors = new Dictionary<string, List<string>>();
        foreach (var (p, display, attributes) in Members.GetOrAdd(input.GetType(), MembersOf))
        {
            var value = p.GetValue(input);
            var context = new ValidationContext(input) { MemberName = p.Name, DisplayName = display };
            foreach (var a in attributes)
            {
                if (a.GetValidationResult(value, context) is not null)
                    Add(errors, p.Name, Message(a, display));
            }
        }
        if (errors.Count == 0 && input is IValidatableObject v)
        {
            foreach (var r in v.Validate(new ValidationContext(input)))
            foreach (var m in r.MemberNames.DefaultIfEmpty(""))
                Add(errors, m, Texts.T(r.ErrorMessage ?? ""));
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    // Reading attributes by reflection cost more than the rest of an API intake's validation: read once per type.
    static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Display, ValidationAttribute[] Attributes)[]> Members = new();

    static (PropertyInfo, string, ValidationAttribute[])[] MembersOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p =>
                (p, p.GetCustomAttribute<DisplayAttribute>()?.Name ?? p.Name, p.GetCustomAttributes<ValidationAttribute>().ToArray())
            )
            .ToArray();

    static void Add(Dictionary<string, List<string>> errors, string member, string message)
    {
        var key = member.Length == 0 ? "" : char.ToLowerInvariant(member[0]) + member[1..];
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
