using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryStewardshipFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedAt",
                table: "Organizations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedByUserId",
                table: "Organizations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastReminderSentAt",
                table: "CommunityAssets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewOverdueSince",
                table: "CommunityAssets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewRemindersSent",
                table: "CommunityAssets",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ClaimedByUserId",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "LastReminderSentAt",
                table: "CommunityAssets");

            migrationBuilder.DropColumn(
                name: "ReviewOverdueSince",
                table: "CommunityAssets");

            migrationBuilder.DropColumn(
                name: "ReviewRemindersSent",
                table: "CommunityAssets");
        }
    }
}
