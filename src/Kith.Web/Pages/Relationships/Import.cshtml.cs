using Kith.Core.Relationships.Data;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Relationships;

/// <summary>Imports actors and ties from the two CSV files of the template; shows what was imported and every row left out, with why.</summary>
public sealed class ImportModel(RelationshipImporter importer) : PageModel
{
    public const long FileLimit = 5 * 1024 * 1024;

    [BindProperty]
    public IFormFile? Actors { get; set; }

    [BindProperty]
    public IFormFile? Ties { get; set; }

    public RelationshipImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>The two templates, as downloads.</summary>
    public IActionResult OnGetTemplate([FromQuery] string? file) =>
        file is not null && RelationshipTemplates.Read(file) is { } bytes ? File(bytes, "text/csv; charset=utf-8", file) : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Actors is null && Ties is null)
        {
            ModelState.AddModelError(nameof(Actors), "Select an actors file, a ties file or both");
        }

        foreach (var (name, file) in new[] { (nameof(Actors), Actors), (nameof(Ties), Ties) })
        {
            if (file is { Length: > FileLimit })
            {
                ModelState.AddModelError(name, "The file must be smaller than 5 MB: split it into smaller files");
            }
            else if (file is { Length: 0 })
            {
                ModelState.AddModelError(name, "The file is empty: select the spreadsheet saved as CSV");
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var actors = Actors?.OpenReadStream();
        await using var ties = Ties?.OpenReadStream();
        Result = await importer.ImportAsync(actors, ties, User.GetProcessContext("imported from CSV"), cancellationToken);
        if (Result.FileProblem is not null)
        {
            ModelState.AddModelError(Result.FileProblem.Contains("ties file", StringComparison.Ordinal) ? nameof(Ties) : nameof(Actors), Result.FileProblem);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
