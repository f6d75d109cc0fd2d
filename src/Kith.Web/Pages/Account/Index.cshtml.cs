using Kith.Core.Platform.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>The signed-in person's own account: who they are signed in as, their roles, and two-factor sign-in.</summary>
public class IndexModel(UserManager<KithUser> users) : PageModel
{
    public KithUser Account { get; private set; } = null!;

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Account = user;
        Roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        return Page();
    }
}
