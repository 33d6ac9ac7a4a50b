using System.Globalization;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;
using static AfterSales.Platform.Localization.Texts;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// <c>/Contracts/{id}/Penalties/statement.xlsx</c> and <c>.pdf</c>: the statement of the page, for
/// the same period (from/to as yyyy-MM-dd in the customer's time zone; none for the whole history).
/// Another customer's contract is not found; a date that cannot be read is a 422 saying which.
/// </summary>
internal static class StatementDownloads
{
    public static void MapStatementDownloads(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/Contracts/{id:long}/Penalties").RequireAuthorization(Policies.ReadPenalties).ExcludeFromDescription();
        files.MapGet(
            "/statement.xlsx",
            async (long id, string? from, string? to, StatementReports reports, CancellationToken ct) =>
                await LoadAsync(id, from, to, reports, ct) is { } r
                    ? Results.File(
                        StatementWorkbook.Render(r),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        FileName(r, "xlsx")
                    )
                    : Results.NotFound()
        );
        files.MapGet(
            "/statement.pdf",
            async (long id, string? from, string? to, StatementReports reports, IConfiguration config, CancellationToken ct) =>
                await LoadAsync(id, from, to, reports, ct) is { } r
                    ? Results.File(StatementPdf.Render(r, config["Pdf:FontPath"]), "application/pdf", FileName(r, "pdf"))
                    : Results.NotFound()
        );
    }

    static async Task<StatementReport?> LoadAsync(long id, string? from, string? to, StatementReports reports, CancellationToken ct)
    {
        var header = await reports.HeaderAsync(id, ct);
        if (header is null)
            return null;
        var period = StatementPeriod.Of(Date("From", "开始日期", from), Date("To", "结束日期", to), header.TimeZone);
        return await reports.LoadAsync(id, period, ct);
    }

    static DateOnly? Date(string field, string name, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw DomainException.For(field, "“{0}”不是有效的{1}", text, T(name));

    /// <summary>违约金结算单-HT-2026-001-2026-11-01-2026-11-30.xlsx; the whole history has no dates.</summary>
    static string FileName(StatementReport r, string extension)
    {
        var dates = string.Concat(
            new[] { r.Period.From, r.Period.To }.Select(d => d is { } x ? "-" + x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")
        );
        var number = string.Concat(r.Contract.Number.Select(ch => Path.GetInvalidFileNameChars().Contains(ch) ? '_' : ch));
        return $"{T("违约金结算单")}-{number}{dates}.{extension}";
    }
}
