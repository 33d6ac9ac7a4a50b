using AfterSales.Platform.Localization;

namespace AfterSales.Platform.Errors;

/// <summary>
/// A business rule said no. The message is a Chinese template (the dictionary key) with its
/// arguments, localised where it is shown; <see cref="Field"/> names the input at fault, if one is.
/// </summary>
public sealed class DomainException(string template, params object?[] args) : Exception(template)
{
    public object?[] Args { get; } = args;

    public string? Field { get; init; }

    public string Localized => Texts.T(Message, Args);

    public static DomainException For(string field, string template, params object?[] args) => new(template, args) { Field = field };
}

/// <summary>The record asked for does not exist (or is not visible to the caller: the same answer).</summary>
public sealed class NotFoundException() : Exception("not found");
