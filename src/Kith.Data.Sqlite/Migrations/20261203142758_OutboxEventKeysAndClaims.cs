using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxEventKeysAndClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedAt",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventKey",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_EventKey",
                table: "OutboxMessages",
                column: "EventKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_EventKey",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "EventKey",
                table: "OutboxMessages");
        }
    }
}
