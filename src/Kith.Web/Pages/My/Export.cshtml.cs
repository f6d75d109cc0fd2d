using Kith.Core.People.Export;
using Kith.Web.Infrastructure;
using Kith.Web.Pages.People.Rights;
using Kith.Web.People.MyView;
using Microsoft.AspNetCore.Mvc;

namespace Kith.Web.Pages.My;

/// <summary>The person's own copy of everything Kith holds about them.</summary>
public sealed class ExportModel(SubjectAccessExport export) : MyPageModel
{
    protected override string RecordPart => "export";

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken) =>
        await ExportResults.DownloadAsync(this, export, PersonId, format, User.GetProcessContext(), cancellationToken) ?? Page();
}
