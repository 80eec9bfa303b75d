/**
 * The request fields SD.Next's API accepts, by route, with their types: a table written for the test server from
 * SD.Next's request models (vladmandic/sdnext, Apache-2.0) at commit 058a7f0cf326f39c0135c6257d7b7e61073e51fd:
 *
 * - txt2img and img2img: modules/api/models.py builds ReqTxt2Img / ReqImg2Img from the merged `__init__` signature of
 *   StableDiffusionProcessing (modules/processing_class.py; `self`, `kwargs`, `sd_model`, `outpath_*` left out) plus
 *   each route's additional fields (sampler_index int|str, script_*, send_images, alwayson_scripts, ip_adapter…).
 *   Every one of those fields is Optional there, so null is accepted for each.
 * - control: modules/api/control.py builds ReqControl from control_run's parameters (modules/control/run.py) plus
 *   its additional fields; `control` is a list of ItemControl units.
 * - AUTOMATIC1111's ControlNet extension: a unit of `alwayson_scripts.controlnet.args` is ControlNetUnit
 *   (Mikubill/sd-webui-controlnet internal_controlnet/args.py), with its legacy aliases.
 *
 * SD.Next itself ignores a field it does not know (pydantic's default); this server refuses one (422, pydantic's
 * `extra_forbidden`), so that every field a Figment request sends is one SD.Next reads.
 */

export type FieldType = "str" | "int" | "float" | "bool" | "list" | "dict" | "any" | "int|str";

export interface FieldSpec {
  type: FieldType;
  /** Whether null is accepted (pydantic's Optional). */
  nullable: boolean;
}

export type FieldTable = Readonly<Record<string, FieldSpec>>;

/** Each name of a whitespace-separated list, as a nullable field of `type`. */
function typed(type: FieldType, names: string, nullable = true): Record<string, FieldSpec> {
  return Object.fromEntries(
    names
      .trim()
      .split(/\s+/)
      .map((name) => [name, { type, nullable }]),
  );
}

/** StableDiffusionProcessing.__init__ (modules/processing_class.py): the fields txt2img and img2img share. */
const PROCESSING: FieldTable = {
  ...typed(
    "str",
    `
    sd_model_checkpoint prompt negative_prompt sampler_name hr_sampler_name guidance_name vae_type
    detailer_prompt detailer_negative detailer_classes color_correction_method img2img_background_color
    samples_format grid_format hdr_color_picker grading_shadows_tint grading_highlights_tint
    grading_lut_file resize_name resize_context resize_name_before resize_name_after resize_name_mask
    resize_context_before resize_context_after resize_context_mask hr_resize_context hr_upscaler
    refiner_prompt refiner_negative schedulers_prediction_type schedulers_beta_schedule
    schedulers_timesteps schedulers_sigma uni_pc_variant schedulers_timestep_spacing
    diffusers_generator_device prompt_attention te_complex_human_instruction token_merging_method
  `,
  ),
  ...typed(
    "int",
    `
    seed subseed seed_resize_from_h seed_resize_from_w batch_size n_iter steps clip_skip width height
    sampler_index detailer_steps detailer_resolution detailer_max detailer_blur detailer_padding
    jpeg_quality lora_apply_tags hdr_mode grading_clahe_grid selected_scale_tab resize_mode width_before
    width_after width_mask height_before height_after height_mask resize_mode_before resize_mode_after
    resize_mode_mask selected_scale_tab_before selected_scale_tab_after selected_scale_tab_mask
    mask_blur inpainting_fill inpaint_full_res_padding inpainting_mask_invert firstphase_width
    firstphase_height hr_resize_mode hr_second_pass_steps hr_resize_x hr_resize_y refiner_steps
    schedulers_solver_order schedulers_timesteps_range eta_noise_seed_delta hypertile_unet_tile
    hypertile_unet_min_tile hypertile_unet_swap_size hypertile_unet_depth hypertile_vae_tile
    hypertile_vae_swap_size
  `,
  ),
  ...typed(
    "float",
    `
    subseed_strength eta guidance_scale guidance_rescale guidance_start guidance_stop cfg_scale cfg_end
    cfg_rescale cfg_true cfg_adaptive detailer_strength detailer_conf detailer_iou detailer_min_size
    detailer_max_size detailer_sigma_adjust detailer_sigma_adjust_max inpainting_mask_weight
    extra_networks_default_multiplier hdr_brightness hdr_color hdr_sharpen hdr_boundary hdr_threshold
    hdr_max_center hdr_max_boundary hdr_tint_ratio grading_brightness grading_contrast
    grading_saturation grading_hue grading_gamma grading_sharpness grading_color_temp grading_shadows
    grading_midtones grading_highlights grading_clahe_clip grading_split_tone_balance grading_vignette
    grading_grain grading_lut_strength denoising_strength cfg_image initial_noise_multiplier scale_by
    scale_by_before scale_by_after scale_by_mask hr_scale hr_denoising_strength refiner_start
    hr_refiner_start schedulers_beta_start schedulers_beta_end schedulers_shift schedulers_base_shift
    schedulers_max_shift schedulers_sigma_adjust schedulers_sigma_adjust_min schedulers_sigma_adjust_max
    scheduler_eta freeu_b1 freeu_b2 freeu_s1 freeu_s2 teacache_thresh tome_ratio todo_ratio
  `,
  ),
  ...typed(
    "bool",
    `
    tiling hidiffusion do_not_reload_embeddings detailer_enabled detailer_segmentation
    detailer_include_detections detailer_merge detailer_sort detailer_augment img2img_color_correction
    img2img_fix_steps mask_apply_overlay include_mask samples_save save_images_before_highres_fix
    save_images_before_refiner save_images_before_detailer save_images_before_color_correction grid_save
    return_grid keep_incomplete image_metadata lora_fuse_native lora_fuse_diffusers lora_force_reload
    hdr_clamp hdr_maximize hdr_apply_hires inpaint_full_res enable_hr hr_force enhance_prompt
    do_not_save_samples do_not_save_grid xyz schedulers_use_thresholding schedulers_use_loworder
    schedulers_dynamic_shift schedulers_rescale_betas enable_batch_seeds nan_skip sequential_seed
    prompt_mean_norm diffusers_zeros_prompt_pad te_pooled_embeds lora_apply_te te_use_mask freeu_enabled
    hypertile_unet_enabled hypertile_hires_only hypertile_vae_enabled teacache_enabled skip_processing
    override_settings_restore_afterwards
  `,
  ),
  ...typed(
    "list",
    `
    styles detailer_models init_images init_control script_args
  `,
  ),
  ...typed(
    "dict",
    `
    override_settings network_data
  `,
  ),
  ...typed(
    "any",
    `
    mask latent_mask mask_for_overlay paste_to overlay_images
  `,
  ),
};
/** control_run's parameters (modules/control/run.py): the fields of /sdapi/v1/control. */
const CONTROL_RUN: FieldTable = {
  ...typed(
    "str",
    `
    state mask unit_type prompt negative_prompt guidance_name vae_type detailer_prompt detailer_negative
    hdr_color_picker grading_shadows_tint grading_highlights_tint grading_lut_file resize_name_before
    resize_context_before resize_name_after resize_context_after resize_name_mask resize_context_mask
    hr_resize_context hr_upscaler refiner_prompt refiner_negative video_type override_script_name
    detailer_classes color_correction_method img2img_background_color samples_format grid_format
    schedulers_prediction_type schedulers_beta_schedule schedulers_timesteps schedulers_sigma
    uni_pc_variant schedulers_timestep_spacing diffusers_generator_device prompt_attention
    te_complex_human_instruction token_merging_method
  `,
  ),
  ...typed(
    "int",
    `
    input_type steps sampler_index seed subseed seed_resize_from_h seed_resize_from_w detailer_steps
    detailer_resolution hdr_mode grading_clahe_grid resize_mode_before width_before height_before
    selected_scale_tab_before resize_mode_after width_after height_after selected_scale_tab_after
    resize_mode_mask width_mask height_mask selected_scale_tab_mask batch_count batch_size
    hr_sampler_index hr_resize_mode hr_second_pass_steps hr_resize_x hr_resize_y refiner_steps
    video_skip_frames video_pad video_interpolate detailer_max detailer_blur detailer_padding
    jpeg_quality schedulers_solver_order schedulers_timesteps_range eta_noise_seed_delta
    hypertile_unet_tile hypertile_unet_min_tile hypertile_unet_swap_size hypertile_unet_depth
    hypertile_vae_tile hypertile_vae_swap_size lora_apply_tags
  `,
  ),
  ...typed(
    "float",
    `
    subseed_strength guidance_scale guidance_rescale guidance_start guidance_stop cfg_scale clip_skip
    cfg_image cfg_rescale cfg_true cfg_adaptive cfg_end detailer_strength hdr_brightness hdr_color
    hdr_sharpen hdr_boundary hdr_threshold hdr_max_center hdr_max_boundary hdr_tint_ratio
    grading_brightness grading_contrast grading_saturation grading_hue grading_gamma grading_sharpness
    grading_color_temp grading_shadows grading_midtones grading_highlights grading_clahe_clip
    grading_split_tone_balance grading_vignette grading_grain grading_lut_strength scale_by_before
    scale_by_after scale_by_mask denoising_strength hr_denoising_strength hr_scale refiner_start
    video_duration detailer_conf detailer_iou detailer_min_size detailer_max_size detailer_sigma_adjust
    detailer_sigma_adjust_max inpainting_mask_weight schedulers_beta_start schedulers_beta_end
    schedulers_shift schedulers_base_shift schedulers_max_shift schedulers_sigma_adjust
    schedulers_sigma_adjust_min schedulers_sigma_adjust_max scheduler_eta freeu_b1 freeu_b2 freeu_s1
    freeu_s2 teacache_thresh tome_ratio todo_ratio extra_networks_default_multiplier
  `,
  ),
  ...typed(
    "bool",
    `
    is_generator tiling hidiffusion detailer_enabled hdr_clamp hdr_maximize hdr_apply_hires
    skip_processing enable_hr hr_force video_loop detailer_segmentation detailer_include_detections
    detailer_merge detailer_sort detailer_augment img2img_color_correction img2img_fix_steps
    mask_apply_overlay include_mask samples_save save_images_before_highres_fix
    save_images_before_refiner save_images_before_detailer save_images_before_color_correction grid_save
    return_grid keep_incomplete image_metadata schedulers_use_thresholding schedulers_use_loworder
    schedulers_dynamic_shift schedulers_rescale_betas enable_batch_seeds nan_skip sequential_seed
    prompt_mean_norm diffusers_zeros_prompt_pad te_pooled_embeds lora_apply_te te_use_mask freeu_enabled
    hypertile_unet_enabled hypertile_hires_only hypertile_vae_enabled teacache_enabled lora_fuse_native
    lora_fuse_diffusers lora_force_reload
  `,
  ),
  ...typed(
    "list",
    `
    units inputs inits styles detailer_models
  `,
  ),
  ...typed(
    "dict",
    `
    extra
  `,
  ),
  ...typed(
    "any",
    `
    override_script_args
  `,
  ),
};

/** ReqTxt2Img's additional fields (modules/api/models.py); they replace the signature's type of the same name. */
const TXT2IMG_EXTRA: FieldTable = {
  sampler_index: { type: "int|str", nullable: true },
  ...typed("str", "sampler_name hr_sampler_name script_name"),
  ...typed("list", "script_args ip_adapter control_units init_control"),
  ...typed("bool", "send_images save_images"),
  ...typed("dict", "alwayson_scripts face extra"),
};

/**
 * ReqImg2Img's additional fields: img2img's init images, strength and mask besides txt2img's (`face_id`, not `face`).
 */
const IMG2IMG_EXTRA: FieldTable = {
  sampler_index: { type: "int|str", nullable: true },
  ...typed("str", "sampler_name hr_sampler_name script_name mask"),
  ...typed("list", "init_images script_args ip_adapter control_units init_control"),
  denoising_strength: { type: "float", nullable: true },
  ...typed("bool", "include_init_images send_images save_images"),
  ...typed("dict", "alwayson_scripts face_id extra"),
};

/** ReqControl's additional fields (modules/api/control.py). */
const CONTROL_EXTRA: FieldTable = {
  ...typed("str", "sampler_name script_name"),
  ...typed("list", "script_args ip_adapter control init_control"),
  ...typed("bool", "send_images save_images"),
  ...typed("dict", "alwayson_scripts face xyz extra"),
};

export const TXT2IMG_FIELDS: FieldTable = { ...PROCESSING, ...TXT2IMG_EXTRA };
export const IMG2IMG_FIELDS: FieldTable = { ...PROCESSING, ...IMG2IMG_EXTRA };
export const CONTROL_FIELDS: FieldTable = { ...CONTROL_RUN, ...CONTROL_EXTRA };

/** ItemControl (modules/api/control.py): one unit of /sdapi/v1/control's `control` list. */
export const CONTROL_UNIT_FIELDS: FieldTable = {
  ...typed("str", "process model mode attention", false),
  ...typed("str", "override unit_type image"),
  ...typed("float", "strength start end factor fidelity query_weight adain_weight", false),
  guess: { type: "bool", nullable: false },
  process_params: { type: "dict", nullable: true },
};

/**
 * ControlNetUnit (sd-webui-controlnet internal_controlnet/args.py), with its legacy aliases (input_image, guidance,
 * lowvram, mask_image).
 */
export const A1111_CONTROLNET_UNIT_FIELDS: FieldTable = {
  ...typed(
    "bool",
    "is_ui loopback enabled low_vram pixel_perfect inpaint_crop_input_image save_detected_map lowvram",
    false,
  ),
  ...typed("str", "input_mode output_dir module model resize_mode control_mode hr_option pulid_mode", false),
  ...typed("float", "weight threshold_a threshold_b guidance_start guidance_end guidance", false),
  processor_res: { type: "int", nullable: false },
  ...typed("any", "batch_images image input_image mask mask_image effective_region_mask ipadapter_input"),
  advanced_weighting: { type: "list", nullable: true },
};

/** ReqProgress: the query of GET /sdapi/v1/progress. */
export const PROGRESS_QUERY = new Set(["skip_current_image"]);
