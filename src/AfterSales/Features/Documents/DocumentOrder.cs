namespace AfterSales.Features.Documents;

/// <summary>
/// How one record's documents are listed: by kind in the order of DESIGN §3 (the database
/// stores kinds as text, so it would sort them alphabetically), photo sets by step, then by upload.
/// </summary>
public static class DocumentOrder
{
    public static List<Document> Sort(IEnumerable<Document> documents) =>
        [.. documents.OrderBy(d => d.Kind).ThenBy(d => d.Step is null).ThenBy(d => d.Step).ThenBy(d => d.Id)];
}
