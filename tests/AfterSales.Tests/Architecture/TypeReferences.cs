using System.Reflection;
using System.Reflection.Emit;

namespace AfterSales.Tests.Architecture;

/// <summary>
/// Every type a class touches: in its signatures (base type, fields, properties, parameters,
/// return types) and inside its method bodies, read from the IL, so a dependency hidden behind
/// a global using or a local variable is found too. Nested types (lambdas, iterators, async
/// state machines) count as part of their declaring class.
/// </summary>
internal static class TypeReferences
{
    const BindingFlags All =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (ushort)o.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        foreach (var t in WithNested(type))
        {
            Add(found, t.BaseType);
            foreach (var i in t.GetInterfaces())
                Add(found, i);
            foreach (var f in t.GetFields(All))
                Add(found, f.FieldType);
            foreach (var p in t.GetProperties(All))
                Add(found, p.PropertyType);
            foreach (var m in t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All)))
            {
                if (m is MethodInfo mi)
                    Add(found, mi.ReturnType);
                foreach (var p in m.GetParameters())
                    Add(found, p.ParameterType);
                foreach (var member in UsedInBody(m))
                {
                    Add(found, member as Type ?? member.DeclaringType);
                    if (member is FieldInfo field)
                        Add(found, field.FieldType);
                    if (member is MethodInfo called)
                        Add(found, called.ReturnType);
                }
            }
        }
        return found;
    }

    static IEnumerable<Type> WithNested(Type type) => [type, .. type.GetNestedTypes(All).SelectMany(WithNested)];

    static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || !found.Add(type))
            return;
        if (type.HasElementType)
            Add(found, type.GetElementType());
        if (type.IsGenericType)
        {
            foreach (var arg in type.GetGenericArguments())
                Add(found, arg);
        }
    }

    static IEnumerable<MemberInfo> UsedInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
            yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var code = il[i] == 0xFE ? (ushort)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[code];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs)!;
                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
