using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AfterSales.Features.Documents;

/// <summary>
/// Receives the upload form of the document list, wherever that list is shown (archive card,
/// contract, asset), and sends the user back there: with a confirmation, or with the reason the
/// file was refused shown above the form. A refused file leaves nothing behind.
/// </summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class UploadModel(AttachDocument attach) : PageModel
{
    [BindProperty]
    public UploadInput Input { get; set; } = new();

    /// <summary>The form lives on other pages; this address alone shows the record's documents.</summary>
    public IActionResult OnGet(DocumentOwner owner, long ownerId) => RedirectToPage("/Documents/Index", new { owner, ownerId });

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken ct)
    {
        // Only back to this site: an attacker's link must not turn the form into a redirector.
        var back = Url.IsLocalUrl(returnUrl)
            ? returnUrl
            : Url.Page("/Documents/Index", new { owner = Input.Owner, ownerId = Input.OwnerId })!;
        var file = Input.File ?? Input.Photo;
        if (!ModelState.IsValid)
            return Refused(back, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        if (file is null)
            return Refused(back, Texts.T("请选择文件"));

        Document document;
        try
        {
            await using var content = file.OpenReadStream();
            var input = new NewDocument(Input.Owner, Input.OwnerId, Input.Kind, Input.Step, Input.Caption);
            document = await attach.HandleAsync(input, file.FileName, content, ct);
        }
        catch (DomainException e)
        {
            return Refused(back, e.Localized);
        }
        TempData["Flash"] = Texts.T("已上传“{0}”", document.FileName);
        return Redirect($"{back}#{DocumentListViewComponent.Anchor(Input.Owner, Input.OwnerId)}");
    }

    RedirectResult Refused(string back, string message)
    {
        TempData[DocumentListViewComponent.ErrorKey(Input.Owner, Input.OwnerId)] = message;
        return Redirect($"{back}#{DocumentListViewComponent.Anchor(Input.Owner, Input.OwnerId)}");
    }
}

public sealed class UploadInput
{
    public DocumentOwner Owner { get; set; }

    public long OwnerId { get; set; }

    [Display(Name = "文档类型")]
    public DocumentKind Kind { get; set; }

    [Range(1, Document.MaxStep), Display(Name = "步骤")]
    public int? Step { get; set; }

    [StringLength(Document.MaxCaption), Display(Name = "说明")]
    public string? Caption { get; set; }

    [Display(Name = "文件")]
    public IFormFile? File { get; set; }

    /// <summary>The same file slot, from the phone's camera.</summary>
    [Display(Name = "拍照")]
    public IFormFile? Photo { get; set; }
}
