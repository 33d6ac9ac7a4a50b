using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using AfterSales.Platform.Localization;

namespace AfterSales.Platform.Errors;

/// <summary>
/// An endpoint filter for the whole API: an enum value that names no member is refused with a
/// localised 400 before the handler runs, wherever it came from (a query value "status=99", a
/// numeric string in JSON, a flag combination "Hotline, Email"), in a parameter or anywhere inside
/// an input record, lists included. Such a value would otherwise be stored and break every switch
/// over the enum later. Endpoints without enums in their inputs get no filter at all.
/// </summary>
internal static class DefinedEnums
{
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context
            .MethodInfo.GetParameters()
            .Select((p, i) => (Index: i, Name: Camel(p.Name ?? ""), Display: p.Name ?? "", Check: Checks.For(p.ParameterType)))
            .Where(x => x.Check is not null)
            .ToArray();
        if (checks.Length == 0)
            return next;
        return async invocation =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (index, name, display, check) in checks)
                check!(invocation.Arguments[index], name, display, errors);
            return errors.Count == 0 ? await next(invocation) : TypedResults.ValidationProblem(errors);
        };
    }

    delegate void Check(object? value, string path, string display, Dictionary<string, string[]> errors);

    static class Checks
    {
        static readonly ConcurrentDictionary<Type, Check?> Known = new();

        public static Check? For(Type type) => For(type, []);

        static Check? For(Type type, HashSet<Type> visiting)
        {
            if (Known.TryGetValue(type, out var known))
                return known;
            var check = Build(type, visiting);
            Known.TryAdd(type, check);
            return check;
        }

        static Check? Build(Type type, HashSet<Type> visiting)
        {
            var plain = Nullable.GetUnderlyingType(type) ?? type;
            if (plain.IsEnum)
                return (value, path, display, errors) =>
                {
                    if (value is not null && !Enum.IsDefined(plain, value))
                        errors[path] = [Texts.T("{0}的值无效", Texts.T(display))];
                };
            if (ElementOf(type) is { } element)
            {
                if (For(element, visiting) is not { } each)
                    return null;
                return (value, path, display, errors) =>
                {
                    var i = 0;
                    foreach (var item in (IEnumerable?)value ?? Array.Empty<object>())
                        each(item, $"{path}[{i++}]", display, errors);
                };
            }
            if (!IsInputRecord(type) || !visiting.Add(type))
                return null;
            // Names and display names are read once per type here, not on every request.
            var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p =>
                    (
                        Property: p,
                        Name: Camel(p.Name),
                        Display: p.GetCustomAttribute<DisplayAttribute>()?.Name ?? Camel(p.Name),
                        Check: For(p.PropertyType, visiting)
                    )
                )
                .Where(m => m.Check is not null)
                .ToArray();
            visiting.Remove(type);
            if (members.Length == 0)
                return null;
            return (value, path, _, errors) =>
            {
                if (value is null)
                    return;
                foreach (var (p, name, display, check) in members)
                    check!(p.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", display, errors);
            };
        }

        static Type? ElementOf(Type type) =>
            type == typeof(string) ? null
            : type.IsArray ? type.GetElementType()
            : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
            : null;

        // The API's inputs are records of this application; services and framework types are not walked.
        static bool IsInputRecord(Type type) =>
            type.Assembly == typeof(DefinedEnums).Assembly
            && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
    }

    static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
