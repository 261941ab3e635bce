//! What a paper is rendered with besides its [`Document`](crate::document::Document) and
//! the templates: the house style, the house logo (read and sniffed once per run), whether
//! the paper is a draft, and whether its PDF is published beside its page.

use std::path::Path;
use std::sync::Arc;

use super::html;
use crate::config::{HouseStyle, near_file};
use crate::diag::Diagnostic;
use crate::document::Image;
use crate::document::markdown::sniff;
use crate::fsio;

/// How one paper is rendered, to any format.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// The organisation's name, the heading case, the PDF's page, fonts and footer.
    pub house: &'a HouseStyle,
    /// The house logo, on the page and in the PDF's masthead; `None` when it has none.
    pub logo: Option<&'a Logo>,
    /// Shows the DRAFT banner on the page and the DRAFT mark on every PDF page.
    pub draft: bool,
    /// The paper's PDF is published beside its page (`NAME.pdf`), so that the page links
    /// its PDF appendices there; otherwise they are only named.
    pub pdf_links: bool,
    /// The page is published in the output folder beside the index and its meeting's
    /// page, which it links at its foot; `None` for a page on its own (a paper taken in
    /// private, a render outside a build).
    pub site: Option<SiteLinks<'a>>,
}

/// A published paper's links, relative to its page, to the rest of the output folder.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct SiteLinks<'a> {
    /// To `index.html`: `../index.html` from `resources/budget.html`.
    pub index_href: &'a str,
    /// To its meeting's page: `../meetings/2026-05-19-resources-committee/index.html`.
    pub meeting_href: &'a str,
}

impl<'a> RenderOptions<'a> {
    /// A final paper in `house`'s style, without a logo or links to a PDF.
    pub fn new(house: &'a HouseStyle) -> Self {
        RenderOptions {
            house,
            logo: None,
            draft: false,
            pdf_links: false,
            site: None,
        }
    }
}

/// The house logo: the image the PDF masthead draws, and the same bytes as the `data:`
/// URI the page shows.
#[derive(Debug)]
pub struct Logo {
    image: Image,
    data_uri: String,
}

impl Logo {
    /// Reads `organisation.logo`, a PNG or JPEG path relative to `project_root`; `None`
    /// when the house has no logo. A file that cannot be read, or is neither PNG nor
    /// JPEG, is an error on `clerk.yaml`.
    pub fn load(project_root: &Path, house: &HouseStyle) -> Result<Option<Logo>, Diagnostic> {
        let Some(rel) = &house.organisation.logo else {
            return Ok(None);
        };
        let path = project_root.join(rel);
        let shown = rel.display();
        let error = |message: String, help: String| {
            house
                .error_at("logo", &["organisation", "logo"], message)
                .with_help(help)
        };
        let help = "`organisation.logo` is a PNG or JPEG file in the project folder, named from there (for example `assets/logo.png`)";
        // Like a paper's images, the logo comes from inside the project.
        if !crate::project::resolve(&path).starts_with(crate::project::resolve(project_root)) {
            return Err(error(
                format!("the logo `{shown}` is outside the project folder"),
                format!("copy the logo into the project folder; {help}"),
            ));
        }
        let bytes = fsio::read_limited(&path, house.limits.image_bytes).map_err(|e| {
            let help = match near_file(project_root, rel) {
                Some(near) => crate::config::did_you_mean_file(rel, &near),
                None => help.to_string(),
            };
            error(format!("cannot read the logo `{shown}` ({e})"), help)
        })?;
        let mime = sniff(&bytes).map_err(|_| {
            error(
                format!("the logo `{shown}` is neither a PNG nor a JPEG"),
                "save the logo as PNG or JPEG (an SVG can be exported as PNG from any drawing program) and name that file here".to_string(),
            )
        })?;
        crate::document::picture::probe(&bytes).map_err(|why| {
            error(
                format!("the logo `{shown}` cannot be drawn: {why}"),
                "save the logo again as PNG or JPEG and name that file here".to_string(),
            )
        })?;
        Ok(Some(Logo {
            data_uri: html::data_uri(mime, &bytes),
            image: Image {
                alt: house.organisation.name.clone(),
                src: rel.display().to_string(),
                path,
                mime,
                data: Arc::new(bytes),
            },
        }))
    }

    /// The logo as an image, with the organisation's name as its alternative text.
    pub fn image(&self) -> &Image {
        &self.image
    }

    /// The logo as a `data:` URI.
    pub fn data_uri(&self) -> &str {
        &self.data_uri
    }
}
