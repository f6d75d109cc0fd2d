using System.ComponentModel.DataAnnotations;
using Kith.Core.Platform.Accounts;
using Kith.Web.Infrastructure.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Web.Pages.Account;

/// <summary>
/// Asks for a password reset link. The answer is the same whether or not an account has the
/// address, so the page cannot be used to find out who has an account.
/// </summary>
public class ForgotPasswordModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string? Email { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await accounts.RequestPasswordResetAsync(Input.Email!, AccountLinks.Absolute(HttpContext, AccountLinks.ResetPassword), cancellationToken);
        return RedirectToPage("/Account/ForgotPasswordSent");
    }
}
