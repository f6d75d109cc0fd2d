using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Admin.Users;

/// <summary>Every account with its roles and whether two-factor sign-in is on.</summary>
public class IndexModel(AccountService accounts) : PageModel
{
    public IReadOnlyList<AccountSummary> Accounts { get; private set; } = [];

    /// <summary>A confirmation from the page that created an account.</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await accounts.ListAsync(cancellationToken);
}
