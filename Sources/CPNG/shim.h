#include <png.h>
// Compound macros are not imported into Swift; re-export the ones the PNG writer uses.
static const png_uint_32 CPNG_FORMAT_RGB = PNG_FORMAT_RGB;
static const png_uint_32 CPNG_FORMAT_RGBA = PNG_FORMAT_RGBA;
static const png_uint_32 CPNG_FORMAT_GRAY = PNG_FORMAT_GRAY;
static const png_uint_32 CPNG_IMAGE_VERSION = PNG_IMAGE_VERSION;
