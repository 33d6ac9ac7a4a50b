namespace AfterSales.Features.Visits;

public sealed record VisitOutput(
    long Id,
    long WorkOrderId,
    string TechnicianId,
    string TechnicianName,
    DateTime CheckInAt,
    string? CheckInLocation,
    double? Latitude,
    double? Longitude,
    DateTime? CheckOutAt,
    string? WorkDone,
    FaultCauseCategory? FaultCause,
    string? FaultAnalysis,
    string? RepairSteps,
    IReadOnlyList<VisitItemOutput> Items,
    long ChargeableTotalFen,
    IReadOnlyList<VisitPhotoOutput> Photos,
    long? SignatureDocumentId,
    string? SignerName,
    int? Rating,
    string? RatingComment,
    string ReportUrl
)
{
    public static VisitOutput From(Visit v, IEnumerable<VisitPhotoOutput> photos) =>
        new(
            v.Id,
            v.WorkOrderId,
            v.TechnicianId,
            v.TechnicianName,
            v.CheckInAtUtc,
            v.CheckInLocation,
            v.Latitude,
            v.Longitude,
            v.CheckOutAtUtc,
            v.WorkDone,
            v.FaultCause,
            v.FaultAnalysis,
            v.RepairSteps,
            [
                .. v
                    .Items.OrderBy(i => i.Id)
                    .Select(i => new VisitItemOutput(i.ProductTypeId, i.Part, i.Quantity, i.Chargeable, i.UnitPriceFen, i.AmountFen)),
            ],
            v.ChargeableTotalFen,
            [.. photos],
            v.SignatureDocumentId,
            v.SignerName,
            v.Rating,
            v.RatingComment,
            $"/Visits/{v.Id}/report.pdf"
        );
}

public sealed record VisitItemOutput(long? ProductTypeId, string Part, int Quantity, bool Chargeable, long? UnitPriceFen, long AmountFen);

public sealed record VisitPhotoOutput(long DocumentId, string? Caption, string FileName);
