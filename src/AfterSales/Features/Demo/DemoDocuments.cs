using AfterSales.Features.Contracts;

namespace AfterSales.Features.Demo;

/// <summary>Demo documents for the first contract: deliverables and an installation photo set.</summary>
internal static class DemoDocuments
{
    public static Task SeedAsync(IServiceProvider sp, Contract contract, CancellationToken ct)
    {
        _ = (sp, contract, ct);
        return Task.CompletedTask;
    }
}
