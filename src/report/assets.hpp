#pragma once
// The files ccsim report carries inside the binary, generated at build time by
// ccsim_embed_file (src/report/embed/) from src/report/assets/ and from the pinned npm
// packages in web/node_modules (web/package-lock.json): nothing is fetched at run time.

#include <cstddef>
#include <string_view>

namespace ccsim::report::assets {

extern const unsigned char page_template_data[];
extern const std::size_t page_template_size;
extern const unsigned char page_script_data[];
extern const std::size_t page_script_size;
extern const unsigned char vega_data[];
extern const std::size_t vega_size;
extern const unsigned char vega_lite_data[];
extern const std::size_t vega_lite_size;
extern const unsigned char vega_embed_data[];
extern const std::size_t vega_embed_size;
extern const unsigned char licences_data[];  // every bundled package's licence
extern const std::size_t licences_size;

inline std::string_view view(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}
inline std::string_view page_template() { return view(page_template_data, page_template_size); }
inline std::string_view page_script() { return view(page_script_data, page_script_size); }
inline std::string_view vega() { return view(vega_data, vega_size); }
inline std::string_view vega_lite() { return view(vega_lite_data, vega_lite_size); }
inline std::string_view vega_embed() { return view(vega_embed_data, vega_embed_size); }
inline std::string_view licences() { return view(licences_data, licences_size); }

}  // namespace ccsim::report::assets
