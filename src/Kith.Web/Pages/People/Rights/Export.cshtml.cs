using System.Text;
using Kith.Core.People.Export;
using Kith.Web.People;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.People.Rights;

/// <summary>The subject-access export: everything about the person as JSON or a readable page (each download audited).</summary>
public sealed class ExportModel(SubjectAccessExport export) : PersonPageModel
{
    protected override string RecordPart => "export";

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken) =>
        await ExportResults.DownloadAsync(this, export, PersonId, format, Actor, cancellationToken) ?? Page();
}

/// <summary>Shared by the staff and the person's export pages: the download, or null to show the page of links.</summary>
public static class ExportResults
{
    public static async Task<IActionResult?> DownloadAsync(
        Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, SubjectAccessExport export, Guid personId, string? format, Kith.Core.Platform.Audit.ProcessContext actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(export);
        if (format is not ("json" or "html"))
        {
            return null;
        }

        var bundle = await export.BuildAsync(personId, actor, cancellationToken);
        if (bundle is null)
        {
            return page.NotFound();
        }

        var stamp = bundle.MadeAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return format == "json"
            ? page.File(Encoding.UTF8.GetBytes(SubjectAccessExport.ToJson(bundle)), "application/json; charset=utf-8", $"kith-record-{stamp}.json")
            : page.File(Encoding.UTF8.GetBytes(SubjectAccessExport.ToHtml(bundle)), "text/html; charset=utf-8", $"kith-record-{stamp}.html");
    }
}
