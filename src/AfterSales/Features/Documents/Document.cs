using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;

namespace AfterSales.Features.Documents;

/// <summary>
/// A stored file attached to one record. The bytes live once under the data folder, named by
/// their SHA-256 (content-addressed); this row says what they are and whose they are.
/// Access is decided through the owning record. Uploads and deletions show in the owner's change history.
/// </summary>
public sealed class Document : IAuditedChild, ICustomerOwned
{
    public long Id { get; private set; }

    /// <summary>The customer of the owning record, so customer scoping needs no join.</summary>
    public long CustomerId { get; private set; }
    public DocumentOwner OwnerType { get; private set; }
    public long OwnerId { get; private set; }
    public DocumentKind Kind { get; private set; }

    /// <summary>The name the file had when uploaded; only shown, never used as a path.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Decided from the content, not from the name.</summary>
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public bool HasThumbnail { get; private set; }

    /// <summary>Position in an installation photo set (1, 2, 3…); null for other documents.</summary>
    public int? Step { get; private set; }
    public string? Caption { get; private set; }
    public DateTime UploadedAtUtc { get; private set; }
    public string UploadedBy { get; private set; } = "";

    string IAuditedChild.AuditParentType => OwnerType.ToString();
    long IAuditedChild.AuditParentId => OwnerId;

    Document() { }

    public static Document Create(
        long customerId,
        DocumentOwner ownerType,
        long ownerId,
        DocumentKind kind,
        string fileName,
        string contentType,
        long sizeBytes,
        string sha256,
        bool hasThumbnail,
        int? step,
        string? caption,
        string uploadedBy,
        DateTime nowUtc
    )
    {
        CheckDetails(kind, step, caption);
        return new()
        {
            CustomerId = customerId,
            OwnerType = ownerType,
            OwnerId = ownerId,
            Kind = kind,
            FileName = fileName,
            ContentType = contentType,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            HasThumbnail = hasThumbnail,
            Step = step,
            Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
            UploadedBy = uploadedBy,
            UploadedAtUtc = nowUtc,
        };
    }

    public const int MaxCaption = 200;
    public const int MaxStep = 999;

    /// <summary>
    /// The rules for what is said about a file, checked before its bytes are stored: a step only
    /// orders an installation photo set, and it starts at 1.
    /// </summary>
    public static void CheckDetails(DocumentKind kind, int? step, string? caption)
    {
        if (!Enum.IsDefined(kind))
            throw DomainException.For(nameof(Kind), "请选择文档类型");
        if (step is not null && kind != DocumentKind.InstallationPhoto)
            throw DomainException.For(nameof(Step), "只有安装过程照片可以填写步骤");
        if (step is < 1 or > MaxStep)
            throw DomainException.For(nameof(Step), "步骤应在1到{0}之间", MaxStep);
        if (caption?.Trim().Length > MaxCaption)
            throw DomainException.For(nameof(Caption), "说明不能超过{0}个字符", MaxCaption);
    }

    /// <summary>Photo kinds hold pictures, not PDFs or spreadsheets.</summary>
    public static bool IsPhotoKind(DocumentKind kind) => kind is DocumentKind.InstallationPhoto or DocumentKind.RepairSitePhoto;

    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>The kind of record a document is attached to.</summary>
public enum DocumentOwner
{
    Customer,
    Contract,
    Asset,

    /// <summary>现场服务: site photos before/after and the customer's signature.</summary>
    Visit,
    WorkOrder,

    /// <summary>巡检: the customer's signature.</summary>
    InspectionRound,

    /// <summary>检查结果: photos of what was found.</summary>
    InspectionFinding,
}

/// <summary>Document kinds of DESIGN §3.</summary>
public enum DocumentKind
{
    RepairSitePhoto,
    InstallationPhoto,
    FaultAnalysis,
    RepairProcedure,
    UserManual,
    AdminManual,
    DevelopmentMaterial,
    Other,
}

public static class DocumentKinds
{
    public static string Title(DocumentKind k) =>
        k switch
        {
            DocumentKind.RepairSitePhoto => "维修现场照片",
            DocumentKind.InstallationPhoto => "安装过程照片",
            DocumentKind.FaultAnalysis => "故障分析",
            DocumentKind.RepairProcedure => "维修流程",
            DocumentKind.UserManual => "用户手册",
            DocumentKind.AdminManual => "管理员手册",
            DocumentKind.DevelopmentMaterial => "开发资料",
            DocumentKind.Other => "其他",
        };

    /// <summary>Deliverables every contract owes (DESIGN §2, promise 8).</summary>
    public static readonly DocumentKind[] Deliverables =
    [
        DocumentKind.DevelopmentMaterial,
        DocumentKind.UserManual,
        DocumentKind.AdminManual,
    ];
}
