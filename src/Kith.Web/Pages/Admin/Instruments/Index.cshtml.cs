using Kith.Core.People;
using Kith.Core.People.Instruments;
using Kith.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Instruments;

/// <summary>Lists the outcome instruments, loads one from an uploaded JSON definition (nothing saved on any error), retires one.</summary>
public sealed class IndexModel(InstrumentCatalogue catalogue) : PageModel
{
    /// <summary>Largest definition file accepted.</summary>
    public const int MaxFileBytes = 256 * 1024;

    public IReadOnlyList<InstrumentDefinition> Instruments { get; private set; } = [];

    [BindProperty]
    public IFormFile? Definition { get; set; }

    /// <summary>What was wrong with the uploaded definition, each with where in the file.</summary>
    public IReadOnlyList<InstrumentError> DefinitionErrors { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Instruments = await catalogue.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Definition is null || Definition.Length == 0)
        {
            ModelState.AddModelError(nameof(Definition), "Choose a JSON file with the instrument's definition");
        }
        else if (Definition.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Definition), "The file must be 256 KB or smaller");
        }
        else
        {
            string json;
            using (var reader = new StreamReader(Definition.OpenReadStream()))
            {
                json = await reader.ReadToEndAsync(cancellationToken);
            }

            var result = await catalogue.LoadAsync(json, builtIn: false, User.GetProcessContext(), cancellationToken);
            if (result.Instrument is { } loaded)
            {
                Done = $"Loaded {loaded.Name} (version {loaded.Version}).";
                return Redirect("/admin/instruments");
            }

            DefinitionErrors = result.Errors;
            ModelState.AddModelError(nameof(Definition), $"The definition has {result.Errors.Count} problem{(result.Errors.Count == 1 ? string.Empty : "s")}, listed below. Fix them and upload it again; nothing was saved");
        }

        Instruments = await catalogue.ListAsync(cancellationToken);
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    public async Task<IActionResult> OnPostRetireAsync(string key, CancellationToken cancellationToken)
    {
        if (!await catalogue.RetireAsync(key ?? string.Empty, User.GetProcessContext(), cancellationToken))
        {
            return NotFound();
        }

        Done = "Retired. Past check-ins keep it; it is no longer offered for new ones.";
        return Redirect("/admin/instruments");
    }
}
