using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace AfterSales.Platform.Localization;

/// <summary>Model-binding messages ("abc" is not a number) in the request's language.</summary>
internal static class BindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetValueMustNotBeNullAccessor(f => Texts.T("请填写{0}", f));
        p.SetMissingBindRequiredValueAccessor(f => Texts.T("请填写{0}", f));
        p.SetAttemptedValueIsInvalidAccessor((v, f) => Texts.T("“{0}”不是有效的{1}", v, f));
        p.SetValueIsInvalidAccessor(v => Texts.T("“{0}”无效", v));
        p.SetValueMustBeANumberAccessor(f => Texts.T("{0}必须是数字", f));
        p.SetUnknownValueIsInvalidAccessor(f => Texts.T("{0}的值无效", f));
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => Texts.T("“{0}”无效", v));
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => Texts.T("值无效"));
        p.SetNonPropertyValueMustBeANumberAccessor(() => Texts.T("必须是数字"));
        p.SetMissingKeyOrValueAccessor(() => Texts.T("缺少值"));
        p.SetMissingRequestBodyRequiredValueAccessor(() => Texts.T("请求内容不能为空"));
    }
}
