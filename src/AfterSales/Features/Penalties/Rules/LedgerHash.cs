using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AfterSales.Features.Penalties.Rules;

/// <summary>A document an entry rests on, as it was when the entry was written (the file's hash proves the bytes).</summary>
public sealed record EvidenceDocument(long DocumentId, string FileName, string Sha256);

/// <summary>Every field of a ledger entry that its hash covers: all that says what is owed, why, and by whom.</summary>
public sealed record LedgerFields(
    long ContractId,
    long CustomerId,
    long Sequence,
    PenaltyKind Kind,
    long? WorkOrderId,
    int? Period,
    long? OriginalEntryId,
    long AmountFen,
    long ComputedFen,
    long BaseFen,
    int? RateBp,
    bool Capped,
    long AccruedFen,
    DateTime OccurredAtUtc,
    DateTime RecordedAtUtc,
    string? RecordedById,
    string RecordedByName,
    string? Description,
    long? ClockId,
    DateTime? DueUtc,
    long? StartEventId,
    long? EndEventId,
    string? PauseIds,
    IReadOnlyList<EvidenceDocument> Documents,
    string PreviousHash,
    long? AccidentId = null
);

/// <summary>
/// The hash chain of a contract's ledger: each entry's SHA-256 covers a canonical text of its fields
/// and the previous entry's hash, so changing, removing or reordering any entry after it was
/// written shows at that entry. The canonical text is versioned ("v1") so the format can change
/// without breaking old chains.
/// </summary>
public static class LedgerHash
{
    /// <summary>The "previous hash" of a contract's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The entry's hash. An accrual pass hashes a hundred thousand entries, so the text is built in
    /// one reused buffer per thread and hashed from it without copies; the text is exactly <see cref="Canonical"/>'s.
    /// </summary>
    public static string Compute(LedgerFields f)
    {
        var text = t_text ??= new StringBuilder(1024);
        text.Clear();
        Write(text, f);
        var bytes = t_bytes ??= new byte[4096];
        var chars = t_chars ??= new char[1024];
        if (chars.Length < text.Length)
            t_chars = chars = new char[text.Length * 2];
        text.CopyTo(0, chars, text.Length);
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (bytes.Length < length)
            t_bytes = bytes = new byte[length * 2];
        var written = Encoding.UTF8.GetBytes(chars.AsSpan(0, text.Length), bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes.AsSpan(0, written), hash);
        return Convert.ToHexStringLower(hash);
    }

    [ThreadStatic]
    static StringBuilder? t_text;

    [ThreadStatic]
    static char[]? t_chars;

    [ThreadStatic]
    static byte[]? t_bytes;

    /// <summary>
    /// Fields in a fixed order, numbers in invariant form, instants in UTC to the microsecond (what
    /// PostgreSQL keeps), texts prefixed by their length so no text can imitate a separator, null
    /// distinct from empty.
    /// </summary>
    public static string Canonical(LedgerFields f)
    {
        var s = new StringBuilder();
        Write(s, f);
        return s.ToString();
    }

    static void Write(StringBuilder s, LedgerFields f)
    {
        s.Append("v1");
        Add(s, "contract", f.ContractId);
        Add(s, "customer", f.CustomerId);
        Add(s, "seq", f.Sequence);
        Add(s, "kind", f.Kind.ToString());
        Add(s, "wo", f.WorkOrderId);
        Add(s, "period", f.Period);
        Add(s, "original", f.OriginalEntryId);
        Add(s, "amount", f.AmountFen);
        Add(s, "computed", f.ComputedFen);
        Add(s, "base", f.BaseFen);
        Add(s, "rate", f.RateBp);
        Add(s, "capped", f.Capped ? 1 : 0);
        Add(s, "accrued", f.AccruedFen);
        Add(s, "occurred", Instant(f.OccurredAtUtc));
        Add(s, "recorded", Instant(f.RecordedAtUtc));
        Text(s, "by", f.RecordedById);
        Text(s, "byName", f.RecordedByName);
        Text(s, "description", f.Description);
        Add(s, "clock", f.ClockId);
        Add(s, "due", f.DueUtc is { } due ? Instant(due) : null);
        Add(s, "start", f.StartEventId);
        Add(s, "end", f.EndEventId);
        Text(s, "pauses", f.PauseIds);
        // Added after v1 entries existed: written only when set, so every earlier entry hashes as before.
        if (f.AccidentId is { } accident)
            Add(s, "accident", accident);
        foreach (var d in f.Documents.Count == 0 ? [] : (IEnumerable<EvidenceDocument>)f.Documents.OrderBy(d => d.DocumentId))
        {
            Add(s, "doc", d.DocumentId);
            Text(s, "sha", d.Sha256);
            Text(s, "file", d.FileName);
        }
        Add(s, "prev", f.PreviousHash);
    }

    /// <summary>Instants are kept to the microsecond: PostgreSQL stores no finer, and the stored value must hash the same.</summary>
    public static DateTime Microseconds(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    static string Instant(DateTime utc) => Microseconds(utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    // Typed, so a number is written without boxing; invariant, so no culture can change a digit or sign.
    static void Add(StringBuilder s, string name, long? value)
    {
        s.Append('|').Append(name).Append('=');
        if (value is { } v)
            s.Append(CultureInfo.InvariantCulture, $"{v}");
        else
            s.Append('-');
    }

    static void Add(StringBuilder s, string name, string? value) => s.Append('|').Append(name).Append('=').Append(value ?? "-");

    static void Text(StringBuilder s, string name, string? value)
    {
        s.Append('|').Append(name).Append('=');
        if (value is null)
            s.Append('-');
        else
            s.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
