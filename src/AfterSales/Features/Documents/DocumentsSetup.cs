using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AfterSales.Features.Documents;

internal static class DocumentsSetup
{
    /// <summary>Multipart framing and form fields around the file.</summary>
    const long FormOverhead = 1024 * 1024;

    public static void AddDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DocumentStore>();
        builder.Services.AddScoped<AttachDocument>();
        builder.Services.AddScoped<SignaturePng>();

        // The server must let a request through that is a little larger than the limit, so that
        // an oversized file gets the store's clear message instead of a bare 413.
        var max = new DocumentStore(builder.Configuration).MaxBytes + FormOverhead;
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = Math.Max(o.MultipartBodyLengthLimit, max));
        builder.Services.Configure<KestrelServerOptions>(o =>
            o.Limits.MaxRequestBodySize = o.Limits.MaxRequestBodySize is { } limit ? Math.Max(limit, max) : null
        );
    }
}
