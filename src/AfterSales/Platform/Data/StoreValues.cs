using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AfterSales.Platform.Data;

/// <summary>
/// A property's value as the store takes it, through the property's value converter (an enum as
/// its name, an instant as UTC), for the bulk writers that bind values themselves. The converter is
/// compiled once per property: calling its own delegate checks the argument's type by reflection on
/// every value, which was a visible part of writing a hundred thousand rows. Compiling costs about a
/// millisecond, so each property's is kept for the life of the model (writers are made per batch).
/// </summary>
internal static class StoreValues
{
    static readonly ConditionalWeakTable<IProperty, Func<object?, object?>> Compiled = new();

    /// <summary>Converts a model value (null stays null) of <paramref name="property"/> to its store value.</summary>
    public static Func<object?, object?> Of(IProperty property) => Compiled.GetValue(property, Compile);

    static Func<object?, object?> Compile(IProperty property)
    {
        if (property.GetRelationalTypeMapping().Converter is not { } converter)
            return value => value;
        var model = Expression.Parameter(typeof(object));
        var convert = Expression
            .Lambda<Func<object, object>>(
                Expression.Convert(
                    Expression.Invoke(converter.ConvertToProviderExpression, Expression.Convert(model, converter.ModelClrType)),
                    typeof(object)
                ),
                model
            )
            .Compile();
        return value => value is null ? null : convert(value);
    }

    /// <summary>Reads <paramref name="property"/> of an entity and converts it for the store.</summary>
    public static Func<object, object?> Reader(IProperty property)
    {
        var getter = property.GetGetter();
        var store = Of(property);
        return entity => store(getter.GetClrValue(entity));
    }
}
