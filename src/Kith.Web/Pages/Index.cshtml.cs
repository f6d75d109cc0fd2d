using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages;

/// <summary>The home page: a search form that leads to the directory search at /assets.</summary>
public class IndexModel : PageModel
{
    /// <summary>Named as on the search page, so the form leads straight to its results.</summary>
    public string? Q { get; set; }

    public string? Postcode { get; set; }
}
