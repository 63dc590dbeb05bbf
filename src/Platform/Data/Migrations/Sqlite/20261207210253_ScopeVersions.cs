using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Preau.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScopeVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_scope_versions",
                columns: table => new
                {
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_scope_versions", x => x.ScopeId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_scope_versions");
        }
    }
}
