using System.ComponentModel.DataAnnotations;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AfterSales.Features.Contracts;

/// <summary>The contract form of the New and Edit pages; the amount is typed in yuan.</summary>
public sealed class ContractForm
{
    [Required, StringLength(64), Display(Name = "合同编号")]
    public string Number { get; set; } = "";

    [Required, StringLength(200), Display(Name = "合同名称")]
    public string Title { get; set; } = "";

    [Required, StringLength(32), Display(Name = "合同总额（元）")]
    public string Total { get; set; } = "";

    [Required, Display(Name = "签订日期")]
    public DateOnly? SignedOn { get; set; }

    [Display(Name = "交付使用日期")]
    public DateOnly? DeliveredOn { get; set; }

    [Display(Name = "终验日期")]
    public DateOnly? FinalAcceptanceOn { get; set; }

    public TermsFields Terms { get; set; } = new();

    public static ContractForm From(Contract c) =>
        new()
        {
            Number = c.Number,
            Title = c.Title,
            Total = MoneyInput.ToInput(c.TotalFen),
            SignedOn = c.SignedOn,
            DeliveredOn = c.DeliveredOn,
            FinalAcceptanceOn = c.FinalAcceptanceOn,
            Terms = TermsFields.From(c.Terms),
        };

    /// <summary>The amount in fen, or a message on the field (prefix "Input") when it is not one.</summary>
    public bool TryReadTotal(ModelStateDictionary modelState, out long fen)
    {
        fen = 0;
        if (string.IsNullOrWhiteSpace(Total))
            return false; // [Required] has said so already
        if (!MoneyInput.TryParseFen(Total, out fen))
            modelState.AddModelError("Input.Total", Texts.T("合同总额应为金额（元），最多两位小数，例如 12345.60"));
        else if (fen < 0)
            modelState.AddModelError("Input.Total", Texts.T("合同总额不能为负数"));
        else
            return true;
        return false;
    }
}
